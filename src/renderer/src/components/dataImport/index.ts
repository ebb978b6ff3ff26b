/** Importing a register from Excel or CSV; the lead places the wizard in Settings. */
export { ImportWizard } from './ImportWizard'
