/** Offboarding: placeholder until the planner lands (issue 11). */
export function OffboardingView() {
  return <p>Offboarding planner: coming with issue 11.</p>;
}
