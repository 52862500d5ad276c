import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { type SentRequest, useApiStatus, useRequestHistory } from '../../api/api-status';
import { startSimulatedApi } from '../../api/simulated-api';
import { Button } from '../../components/button';
import { FormError, inputClass } from '../../components/form-parts';
import { formatCount } from '../../components/search-box';
import { Section } from '../../components/section';
import { maskSecret } from '../../core/deterministic';
import { type ApiKey, SCOPE_LABELS, type Tenant } from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { SECRET_HIDDEN, useLiveVerdictsHidden, useSecretsHidden } from '../presenter/use-presenter';
import { ExchangeView } from './exchange-view';
import { exampleRequests, METHODS, type Method, takesBody } from './request-examples';
import { RequestHistory } from './request-history';
import { sendRequest } from './send-request';

/** Keys offered in the picker; a large tenant's others are reached by pasting their secret. */
const MAX_KEY_OPTIONS = 200;
const PASTE = '__paste__';
const NO_KEY = '__none__';

type HeaderStyle = 'bearer' | 'x-user-token';

function keyOptionLabel(tenant: Tenant, key: ApiKey): string {
  const creator = tenant.accounts.get(key.createdBy)?.name ?? key.createdBy;
  const deleted = key.revokedAt === null ? '' : ' (deleted)';
  return `${key.name}${deleted} · ${SCOPE_LABELS[key.scope]} · ${creator}`;
}

function ApiStatusLine() {
  const status = useApiStatus((s) => s.status);
  const text =
    status.state === 'starting'
      ? 'Starting simulated API…'
      : status.state === 'ready'
        ? 'Simulated API ready'
        : `The simulated API could not start: ${status.reason}`;
  return (
    <p
      role="status"
      data-api-status={status.state}
      className={`text-sm ${status.state === 'failed' ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'}`}
    >
      {text}
    </p>
  );
}

/**
 * The request console: pick a key (or paste a secret), a method, a path and a JSON body, and
 * send it to the simulated API in this page. Shows the response, the equivalent curl against the
 * tenant's domain, and a history of the requests sent, each of which can be sent again.
 */
export function RequestConsole() {
  const tenant = useTenant();
  useEffect(() => {
    void startSimulatedApi();
  }, []);

  const keys = useMemo(() => [...tenant.keys.values()], [tenant.keys]);
  const shownKeys = keys.slice(0, MAX_KEY_OPTIONS);
  const [credential, setCredential] = useState<string>(() => shownKeys[0]?.id ?? NO_KEY);
  const [pasted, setPasted] = useState('');
  const [headerStyle, setHeaderStyle] = useState<HeaderStyle>('bearer');
  const [method, setMethod] = useState<Method>('GET');
  const [path, setPath] = useState('/api/v1/info');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [shownExchange, setShownExchange] = useState<number | null>(null);
  const exchanges = useRequestHistory((s) => s.exchanges);
  // Presenter mode: a secret is never on the shared screen (a pasted one is typed as a password).
  const secretsHidden = useSecretsHidden();
  // Presenter mode, a prediction open: requests still go out, but their answers wait for the
  // reveal (a 401 and its reason would answer the prediction), as the matrices' verdicts do.
  const answersHidden = useLiveVerdictsHidden();

  // A scenario switch may remove the chosen key: fall back to the first one.
  const chosenKey =
    credential === PASTE || credential === NO_KEY ? undefined : tenant.keys.get(credential);
  const credentialValue =
    credential === PASTE || credential === NO_KEY || chosenKey !== undefined
      ? credential
      : (shownKeys[0]?.id ?? NO_KEY);
  const secret = credentialValue === PASTE ? pasted.trim() : (chosenKey?.secret ?? '');
  const examples = useMemo(() => exampleRequests(tenant, chosenKey), [tenant, chosenKey]);

  const ids = {
    key: useId(),
    secret: useId(),
    header: useId(),
    method: useId(),
    path: useId(),
    body: useId(),
    example: useId(),
    problem: useId(),
  };

  function buildRequest(): SentRequest | string {
    const trimmed = path.trim();
    if (!trimmed.startsWith('/api/')) {
      return 'The path must start with /api/ (for example /api/v1/info): the simulated API serves only those.';
    }
    if (credentialValue === PASTE && secret === '') {
      return 'Paste a secret, or pick a key or “No key”.';
    }
    const headers: Array<readonly [string, string]> = [];
    if (secret !== '') {
      headers.push(
        headerStyle === 'bearer' ? ['Authorization', `Bearer ${secret}`] : ['x-user-token', secret],
      );
    }
    const sendsBody = takesBody(method) && body.trim() !== '';
    if (sendsBody) headers.push(['content-type', 'application/json']);
    return {
      method,
      url: trimmed,
      headers,
      body: sendsBody ? body : null,
      credentialLabel:
        credentialValue === NO_KEY
          ? 'no key'
          : credentialValue === PASTE
            ? 'pasted secret'
            : (chosenKey?.name ?? 'key'),
    };
  }

  async function send(request: SentRequest) {
    setSending(true);
    try {
      const exchange = await sendRequest(request);
      setShownExchange(exchange.id);
    } finally {
      setSending(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = buildRequest();
    if (typeof request === 'string') {
      setProblem(request);
      return;
    }
    setProblem(null);
    void send(request);
  }

  function applyExample(index: string) {
    const example = examples[Number(index)];
    if (example === undefined) return;
    setMethod(example.method as Method);
    setPath(example.path);
    setBody(example.body);
    setProblem(null);
  }

  const shown = exchanges.find((exchange) => exchange.id === shownExchange) ?? exchanges[0];

  return (
    <Section id="api-heading" title="Simulated API">
      <p className="text-slate-600 text-sm dark:text-slate-400">
        The page runs a simulated Tines REST API on its own origin (<code>/api/v1/…</code>),
        answered by the same rules as the matrices. Changes made through it go into the same log:
        the tables and the audit log update at once. It is not the real Tines API.
      </p>
      <ApiStatusLine />
      <form
        onSubmit={onSubmit}
        aria-label="Request"
        className="grid grid-cols-1 gap-3 text-sm md:grid-cols-2"
      >
        <label htmlFor={ids.key} className="flex flex-col gap-1">
          Key
          <select
            id={ids.key}
            className={inputClass}
            value={credentialValue}
            onChange={(e) => {
              setCredential(e.target.value);
              // A secret is shown for the key it was asked for: another key starts masked.
              setRevealed(false);
            }}
          >
            {shownKeys.map((key) => (
              <option key={key.id} value={key.id}>
                {keyOptionLabel(tenant, key)}
              </option>
            ))}
            <option value={PASTE}>Paste a secret…</option>
            <option value={NO_KEY}>No key (no credential header)</option>
          </select>
          {keys.length > MAX_KEY_OPTIONS ? (
            <span className="text-slate-600 text-xs dark:text-slate-400">
              The first {formatCount(MAX_KEY_OPTIONS)} of {formatCount(keys.length)} keys; paste a
              secret for the others.
            </span>
          ) : null}
        </label>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.secret}>Secret</label>
          <div className="flex gap-2">
            <input
              id={ids.secret}
              className={`${inputClass} min-w-0 flex-1 font-mono`}
              type={secretsHidden && credentialValue === PASTE ? 'password' : 'text'}
              value={
                credentialValue === PASTE
                  ? pasted
                  : secretsHidden && secret !== ''
                    ? SECRET_HIDDEN
                    : revealed || secret === ''
                      ? secret
                      : maskSecret(secret)
              }
              readOnly={credentialValue !== PASTE}
              placeholder={credentialValue === NO_KEY ? 'none' : 'sim_…'}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setPasted(e.target.value)}
            />
            {credentialValue === PASTE || credentialValue === NO_KEY || secretsHidden ? null : (
              // The name says what a press does, for the key chosen now.
              <Button onClick={() => setRevealed(!revealed)}>
                {revealed ? 'Hide secret' : 'Show secret'}
              </Button>
            )}
          </div>
        </div>
        <label htmlFor={ids.header} className="flex flex-col gap-1">
          Send the key as
          <select
            id={ids.header}
            className={inputClass}
            value={headerStyle}
            onChange={(e) => setHeaderStyle(e.target.value as HeaderStyle)}
          >
            <option value="bearer">Authorization: Bearer &lt;key&gt;</option>
            <option value="x-user-token">x-user-token: &lt;key&gt;</option>
          </select>
        </label>
        <label htmlFor={ids.example} className="flex flex-col gap-1">
          Example
          <select
            id={ids.example}
            className={inputClass}
            value=""
            onChange={(e) => applyExample(e.target.value)}
          >
            <option value="" disabled>
              Fill the form with an example…
            </option>
            {examples.map((example, index) => (
              <option key={example.label} value={index}>
                {example.label}: {example.method} {example.path}
              </option>
            ))}
          </select>
        </label>
        <div className="flex gap-2 md:col-span-2">
          <label htmlFor={ids.method} className="flex flex-col gap-1">
            Method
            <select
              id={ids.method}
              className={inputClass}
              value={method}
              onChange={(e) => setMethod(e.target.value as Method)}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.path} className="flex min-w-0 flex-1 flex-col gap-1">
            Path
            <input
              id={ids.path}
              className={`${inputClass} font-mono`}
              value={path}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={problem === null ? undefined : ids.problem}
              onChange={(e) => setPath(e.target.value)}
            />
          </label>
        </div>
        <label htmlFor={ids.body} className="flex flex-col gap-1 md:col-span-2">
          Body (JSON){takesBody(method) ? '' : ` — ${method} sends no body`}
          <textarea
            id={ids.body}
            className={`${inputClass} min-h-24 font-mono`}
            value={body}
            disabled={!takesBody(method)}
            spellCheck={false}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        <div className="flex flex-col gap-2 md:col-span-2">
          <FormError id={ids.problem} message={problem} />
          <div>
            <Button type="submit" variant="primary" disabled={sending}>
              {sending ? 'Sending…' : 'Send'}
            </Button>
          </div>
        </div>
      </form>
      {shown === undefined ? null : (
        <ExchangeView exchange={shown} domain={tenant.domain} answerHidden={answersHidden} />
      )}
      <RequestHistory
        exchanges={exchanges}
        shownId={shown?.id ?? null}
        onShow={setShownExchange}
        onResend={(request) => void send(request)}
        sending={sending}
        answerHidden={answersHidden}
      />
    </Section>
  );
}
