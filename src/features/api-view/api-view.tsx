import { RequestConsole } from '../api-console/request-console';
import { PermissionPanel } from '../permissions/permission-panel';

/** API: what each key may call (the permission matrix), and the request console to try it. */
export function ApiView() {
  return (
    <div className="grid grid-cols-1 gap-4 min-[1400px]:grid-cols-2">
      <PermissionPanel />
      <RequestConsole />
    </div>
  );
}
