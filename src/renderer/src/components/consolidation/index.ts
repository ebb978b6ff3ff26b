export { ConsolidationPanel } from './ConsolidationPanel'
