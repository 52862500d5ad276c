import { RuleLine, RuleSourceLine } from '../../components/rule-explanation';
import { type ApiKey, SCOPE_LABELS } from '../../core/model';
import type { ApiOperation, Decision } from '../../core/permissions';
import { describeOperation } from '../../core/permissions';
import { decisionLabel } from './permission-cells';

const MEANING = {
  200: 'The key is accepted and may make this request.',
  401: 'The key is not accepted (the validity rules decide first), so what it may do is not checked.',
  403: 'The key is accepted, but may not make this request.',
} as const;

/** Why a permission cell says what it says: the request, the status, the rule and its source. */
export function PermissionExplanation({
  apiKey,
  creatorName,
  columnLabel,
  operation,
  teamName,
  decision,
}: {
  apiKey: ApiKey;
  creatorName: string;
  columnLabel: string;
  operation: ApiOperation;
  /** The team of a team endpoint, by name. */
  teamName: string | null;
  decision: Decision;
}) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">
        {apiKey.name} — {columnLabel}: {decision.status} {decisionLabel(decision)}
      </h3>
      <p>
        <span className="font-semibold">Request</span> <code>{describeOperation(operation)}</code>{' '}
        with {apiKey.name} ({SCOPE_LABELS[apiKey.scope]} key created by {creatorName})
        {teamName === null ? null : `, for ${teamName}`}.
      </p>
      <p>
        <span className="font-semibold">
          {decision.status} {decisionLabel(decision)}:
        </span>{' '}
        {MEANING[decision.status]}
      </p>
      <RuleLine rule={decision.rule} code={decision.code} />
      <RuleSourceLine source={decision.rule.source} />
    </div>
  );
}
