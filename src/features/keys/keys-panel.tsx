import { useState } from 'react';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { CreateKeyDialog } from './create-key-dialog';
import { KeysTable } from './keys-table';

/**
 * The Keys panel: the table, its filters and the Create key dialog. It sits below the fold and
 * carries TanStack's sorting and filtering, so the app loads it as its own chunk.
 */
export function KeysPanel() {
  const [creating, setCreating] = useState(false);
  return (
    <Section
      id="keys-heading"
      title="Keys"
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create key
        </Button>
      }
    >
      <KeysTable />
      {creating ? <CreateKeyDialog onClose={() => setCreating(false)} /> : null}
    </Section>
  );
}
