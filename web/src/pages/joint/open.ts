/** What the joint-building page opens over its tabs: a council, one of its meetings, a project. */
export interface JointOpen {
  council: (id: number) => void;
  meeting: (id: number) => void;
  project: (id: number) => void;
}
