// Placeholder: there are no benchmarks yet. `npm run bench` exists so the script contract is
// complete; it measures nothing.
console.log('No benchmarks yet: see issue 3');
