// LangGraph Studio entry (langgraph.json): the compiled conversation graph of the embedded default,
// wired to the local database and demo store exactly as `npm start` wires it.
import { createSystem } from './compose';
import { loadEnv } from './config/env';

const system = await createSystem(loadEnv());

export const graph = system.agent.graphs.conversation;
export const approvals = system.agent.graphs.approvals;
