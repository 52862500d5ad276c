/**
 * Everything the page shows below the fold, as one chunk loaded after the first render. One
 * module rather than one import() per panel: with several lazy chunks sharing core modules, Vite 8's
 * bundler (rolldown 1.2, issue #10731) moves those modules out of the entry into a common chunk the
 * entry preloads, which grows the initial JS.
 */

export { RequestConsole } from '../features/api-console/request-console';
export { KeysPanel } from '../features/keys/keys-panel';
export { PermissionPanel } from '../features/permissions/permission-panel';
export { PredictPanel } from '../features/predict/predict-panel';
export {
  applyStart,
  readStart,
  SharePanel,
  startAfterRender,
} from '../features/share/share-lazy';
export { TimelinePanel } from '../features/timeline/timeline-panel';
export { TourPanel } from '../features/tour/tour-panel';
