/**
 * The click floor for `npm run bench`, figure 5: React 19 alone (react and react-dom, nothing
 * else) rendering a five-row table in which each row's button flips that row's status. The bench
 * builds it in the same run, with the same Vite, and clicks it with the same probe and the same
 * loop as the app's People table: a table named "Reference", rows with a row header, a button
 * named exactly "Deactivate" or "Reactivate", and an id in `data-row-id`.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Person {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
}

const PEOPLE: readonly Person[] = [
  { id: 'ada', name: 'Ada Lovelace', active: true },
  { id: 'grace', name: 'Grace Hopper', active: true },
  { id: 'alan', name: 'Alan Turing', active: true },
  { id: 'edsger', name: 'Edsger Dijkstra', active: true },
  { id: 'barbara', name: 'Barbara Liskov', active: true },
];

function App() {
  const [people, setPeople] = useState(PEOPLE);
  const toggle = (id: string) =>
    setPeople((current) =>
      current.map((person) => (person.id === id ? { ...person, active: !person.active } : person)),
    );
  return (
    <main>
      <h1>Bench click reference</h1>
      <table aria-label="Reference">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-row-id={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.active ? 'Active' : 'Deactivated'}</td>
              <td>
                <button type="button" onClick={() => toggle(person.id)}>
                  {person.active ? 'Deactivate' : 'Reactivate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
