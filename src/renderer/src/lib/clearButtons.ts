/** antd's "clear" buttons of selects and date pickers (allowClear): real buttons, in the Tab order. */
const CLEAR_BUTTON = '.ant-select-clear, .ant-picker-clear'

function outOfTabOrder(node: Node): void {
  if (!(node instanceof Element)) return
  const buttons = node.matches(CLEAR_BUTTON) ? [node] : [...node.querySelectorAll(CLEAR_BUTTON)]
  for (const button of buttons) if (button instanceof HTMLElement && button.tabIndex !== -1) button.tabIndex = -1
}

/**
 * Takes every clear button out of the Tab order as it appears, so that Tab goes from one field
 * to the next (a clerk tabbing on from a filled select stopped on its ×, and typed the IIN into
 * the wrong field). The mouse still clears; from the keyboard, Delete in a select with nothing
 * typed into its search clears it.
 */
export function installClearButtonsOutOfTabOrder(): void {
  outOfTabOrder(document.body)
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(outOfTabOrder)
  }).observe(document.body, { childList: true, subtree: true })

  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Delete' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
    const input = event.target
    if (!(input instanceof HTMLInputElement) || input.value !== '') return
    const clear = input.closest('.ant-select')?.querySelector<HTMLElement>('.ant-select-clear')
    if (!clear) return
    event.preventDefault()
    clear.click()
  })
}
