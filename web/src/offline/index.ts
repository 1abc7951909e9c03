/**
 * The grid worker works offline: the app shell and the worker's data kept by a service worker
 * (public/grid-sw.js), and an outbox (待发送) in IndexedDB for what is written without signal.
 */
export { useOutbox, useOutboxSender, useQueuedSubmission } from "./hooks";
export { OutboxPanel } from "./OutboxPanel";
export { type Submission, submitThroughOutbox } from "./outbox";
export { useOfflineShell } from "./shell";
