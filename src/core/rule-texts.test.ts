// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EVENT_RULES } from './apply';
import { CREATION_RULES } from './creation-eligibility';
import { VALIDITY_RULES } from './key-verdict';
import { ruleOf } from './rule-texts';

describe('ruleOf', () => {
  const tags = [
    ...Object.values(VALIDITY_RULES),
    ...Object.values(CREATION_RULES),
    ...Object.values(EVENT_RULES),
  ];

  it.each(tags.map((tag) => [tag.id, tag] as const))(
    'gives %s a summary and a source',
    (id, tag) => {
      const rule = ruleOf(tag);
      expect(rule.id).toBe(id);
      expect(rule.summary).toMatch(/^\S.*\.$/);
      expect(['documented', 'assumed']).toContain(rule.source.kind);
    },
  );

  it('hands back the one rule object for an id, and the table’s own for a rule that keeps its words', () => {
    expect(ruleOf({ id: VALIDITY_RULES.valid.id })).toBe(ruleOf(VALIDITY_RULES.valid));
    expect(ruleOf(EVENT_RULES.manageCredentials)).toBe(EVENT_RULES.manageCredentials);
  });

  it('throws for an id no table names', () => {
    expect(() => ruleOf({ id: 'auth.nothing' })).toThrow('No rule "auth.nothing"');
  });
});
