import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import { App } from './App'
import { installNavigationGuard } from './components/common/useUnsavedWork'
import { installClearButtonsOutOfTabOrder } from './lib/clearButtons'
import { installCtrlEnterSave } from './lib/shortcuts'

// Before the app renders: the guard must hear of a new address before any page does.
installNavigationGuard()
installCtrlEnterSave()
installClearButtonsOutOfTabOrder()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
