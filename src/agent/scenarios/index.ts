export { checkTurn, type ObservedTurn } from './check';
export { loadScenarios, reportScenario, runScenario, runScenarios, summary, type ScenarioDriver, type ScenarioResult } from './run';
export { parseScenarios, ScenarioFileError, type Scenario } from './scenario';
export { serviceDriver } from './service-driver';
