import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { SEED_USER_IDS } from '../dev/authgear-local/seed.ts'
import { localAuthgear } from './local-authgear.ts'
import { makePhoto } from './photos.ts'

const uuid = SEED_USER_IDS['picture-jpeg']

test.beforeEach(async () => {
  await localAuthgear.reset()
})

/** The editor's root while it is in `state` (tests and CSS read the same attribute). */
const editorIn = (page: Page, state: string) => page.locator(`[data-avatar-editor="root"][data-state="${state}"]`)

async function pickPhoto(page: Page) {
  await page.goto(`/#/users/${uuid}`)
  const photo = await makePhoto()
  const chooser = page.waitForEvent('filechooser')
  // A mouse user clicks the drop zone; its button is for keyboards and screen readers.
  await page.getByText('Drag a photo here').click()
  await (await chooser).setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(editorIn(page, 'ready')).toBeVisible()
}

test('pick, crop and save: the picture changes and every other attribute stays', async ({ page }) => {
  const before = await localAuthgear.user(uuid)
  await pickPhoto(page)
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(editorIn(page, 'saved')).toBeVisible()

  const after = await localAuthgear.user(uuid)
  expect(after.standardAttributes.picture).not.toBe(before.standardAttributes.picture)
  expect(after.standardAttributes.picture).toMatch(/\/_images\/dev-app\/[\w-]+\/profile$/)
  // Only the picture changed, and the derived updated_at with it.
  const { picture: _before, updated_at: updatedBefore, ...restBefore } = before.standardAttributes
  const { picture: _after, updated_at: updatedAfter, ...restAfter } = after.standardAttributes
  expect(restAfter).toEqual(restBefore)
  expect(Number(updatedAfter)).toBeGreaterThan(Number(updatedBefore))
  expect(after.customAttributes).toEqual(before.customAttributes)
  expect((await localAuthgear.stats()).uploadsStored).toBe(1)

  // The list shows the new picture, served 240x240 by Authgear's /profile variant.
  await page.getByRole('link', { name: 'All users' }).click()
  const listed = page.locator(`[data-user-id="${uuid}"] img`)
  await expect(listed).toHaveAttribute('src', String(after.standardAttributes.picture))
  await expect.poll(() => listed.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240)
})

test('an expired upload URL and a reused one are recovered without the admin noticing', async ({ page }) => {
  await pickPhoto(page)
  // The first upload answers as Authgear does for an expired URL, the second as for a used one.
  await localAuthgear.injectFault({ route: 'upload', status: 400, body: JSON.stringify({ error: { name: 'Invalid', reason: 'ExpiredSignature', message: 'expired signature', code: 400 } }) })
  await localAuthgear.injectFault({ route: 'upload', status: 409, body: JSON.stringify({ error: { name: 'AlreadyExists', reason: 'DuplicatedImage', message: 'duplicated image', code: 409 } }) })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(editorIn(page, 'saved')).toBeVisible()
  const stats = await localAuthgear.stats()
  expect(stats.uploadUrlsIssued).toBe(3)
  expect(stats.uploadsStored).toBe(1)
})

test('a failing upload URL shows an error, and Try again saves the picture', async ({ page }) => {
  await pickPhoto(page)
  // More failures than the client retries on its own.
  await localAuthgear.injectFault({ route: 'upload-url', status: 500, times: 5, body: JSON.stringify({ error: { name: 'InternalError', reason: 'InternalError', message: 'boom', code: 500 } }) })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 })
  expect((await localAuthgear.stats()).mutations).toBe(0)
  await localAuthgear.clearFaults()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(editorIn(page, 'saved')).toBeVisible()
})

test('when the save fails after a good upload, only the save is retried', async ({ page }) => {
  await pickPhoto(page)
  await localAuthgear.injectFault({ route: 'graphql', times: 2, status: 502, body: 'Bad Gateway' })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(editorIn(page, 'saved')).toBeVisible({ timeout: 20_000 })
  expect((await localAuthgear.stats()).uploadsStored).toBe(1)
})

test('a connection cut mid-upload is retried with a fresh URL', async ({ page }) => {
  await pickPhoto(page)
  await localAuthgear.injectFault({ route: 'upload', cut: true })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(editorIn(page, 'saved')).toBeVisible({ timeout: 20_000 })
  const stats = await localAuthgear.stats()
  expect(stats.uploadUrlsIssued).toBe(2)
  expect(stats.uploadsStored).toBe(1)
})

test('an expired admin session says so and changes nothing', async ({ page }) => {
  const before = await localAuthgear.user(uuid)
  await pickPhoto(page)
  await page.evaluate(() => fetch('/demo/sign-out', { method: 'POST' }))
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(page.locator('[data-avatar-editor="error"]')).toContainText('session has expired')
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  expect(await localAuthgear.user(uuid)).toEqual(before)
})

test('cancel mid-upload leaves the user as they were', async ({ page }) => {
  const before = await localAuthgear.user(uuid)
  await pickPhoto(page)
  await localAuthgear.injectFault({ route: 'upload', latencyMs: 10_000, status: 503 })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await page.getByRole('button', { name: 'Cancel upload' }).click()
  await expect(page.getByRole('button', { name: 'Cancel upload' })).toBeHidden()
  expect(await localAuthgear.user(uuid)).toEqual(before)
  expect((await localAuthgear.stats()).mutations).toBe(0)
})

test('leaving the page mid-upload aborts it and changes nothing', async ({ page }) => {
  const before = await localAuthgear.user(uuid)
  await pickPhoto(page)
  await localAuthgear.injectFault({ route: 'upload', latencyMs: 1_500 })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(page.getByRole('button', { name: 'Cancel upload' })).toBeVisible()
  const aborted = page.waitForEvent('requestfailed', (request) => request.url().includes('/_images/'))
  await page.getByRole('link', { name: 'All users' }).click()
  // The browser itself reports the upload cancelled, and the server kept nothing.
  expect((await aborted).failure()?.errorText).toMatch(/ABORTED/)
  expect((await localAuthgear.stats()).uploadsStored).toBe(0)
  expect((await localAuthgear.stats()).mutations).toBe(0)
  expect(await localAuthgear.user(uuid)).toEqual(before)
})

test('the user page with a photo ready has no accessibility violations', async ({ page }) => {
  await pickPhoto(page)
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
})

test('keyboard only: choose, zoom, pan and save without a mouse', async ({ page }) => {
  await page.goto(`/#/users/${uuid}`)
  await expect(page.getByRole('button', { name: 'Choose a photo' })).toBeAttached()
  const chooser = page.waitForEvent('filechooser')
  // Tab from the top of the page to the editor's button.
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press('Tab')
    if (await page.getByRole('button', { name: 'Choose a photo' }).evaluate((button) => button === document.activeElement)) break
  }
  await page.keyboard.press('Enter')
  await (await chooser).setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await makePhoto() })
  await expect(editorIn(page, 'ready')).toBeVisible()
  // Focus moved to the crop area: zoom in and pan with keys.
  const zoom = page.getByRole('slider', { name: 'Zoom' })
  const zoomBefore = Number(await zoom.inputValue())
  await page.keyboard.press('+')
  await expect.poll(async () => Number(await zoom.inputValue())).toBeGreaterThan(zoomBefore)
  await page.keyboard.press('ArrowLeft')
  const save = page.getByRole('button', { name: 'Save photo' })
  for (let presses = 0; presses < 15 && !(await save.evaluate((button) => button === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Enter')
  await expect(editorIn(page, 'saved')).toBeVisible()
})

test('drag and drop a photo onto the editor', async ({ page }) => {
  await page.goto(`/#/users/${uuid}`)
  const photo = (await makePhoto()).toString('base64')
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }))
    return transfer
  }, photo)
  const zone = page.locator('[data-avatar-editor="drop-zone"]')
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await expect(zone).toHaveAttribute('data-drop-target', '')
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
  await expect(editorIn(page, 'ready')).toBeVisible()
})

test('paste a photo from the clipboard', async ({ page }) => {
  await page.goto(`/#/users/${uuid}`)
  await expect(page.getByRole('button', { name: 'Choose a photo' })).toBeAttached()
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], 'pasted.jpg', { type: 'image/jpeg' }))
    document.querySelector('[data-avatar-editor="root"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }))
  }, (await makePhoto()).toString('base64'))
  await expect(editorIn(page, 'ready')).toBeVisible()
})

test('a text file named .png is refused with a specific message and nothing is sent', async ({ page }) => {
  await page.goto(`/#/users/${uuid}`)
  const chooser = page.waitForEvent('filechooser')
  await page.getByText('Drag a photo here').click()
  await (await chooser).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are my notes, not a picture') })
  await expect(editorIn(page, 'invalid')).toBeVisible()
  await expect(page.locator('[data-avatar-editor="error"]')).toContainText('not a photo the editor can use')
  expect((await localAuthgear.stats()).uploadUrlsIssued).toBe(0)
})

test('remove the picture after confirming; keeping it changes nothing', async ({ page }) => {
  const before = await localAuthgear.user(uuid)
  await page.goto(`/#/users/${uuid}`)
  await page.getByRole('button', { name: 'Remove photo' }).click()
  // The safe answer has focus; choosing it leaves everything as it was.
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove photo' })).toBeFocused()
  expect(await localAuthgear.user(uuid)).toEqual(before)

  await page.getByRole('button', { name: 'Remove photo' }).click()
  await page.getByRole('group', { name: /Remove the photo of/ }).getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(page.getByText('Photo removed.')).toBeVisible()
  const after = await localAuthgear.user(uuid)
  expect(after.standardAttributes.picture).toBeUndefined()
  const { picture: _picture, updated_at: _before, ...restBefore } = before.standardAttributes
  const { updated_at: _after, ...restAfter } = after.standardAttributes
  expect(restAfter).toEqual(restBefore)
  expect(after.customAttributes).toEqual(before.customAttributes)

  await page.getByRole('link', { name: 'All users' }).click()
  await expect(page.locator(`[data-user-id="${uuid}"] [data-testid="user-initials"]`)).toBeVisible()
})

test('screenshots of the key states', async ({ page }) => {
  await pickPhoto(page)
  const editor = page.locator('[data-avatar-editor="user-picture"]')
  await expect(editor).toHaveScreenshot('ready.png')
  await localAuthgear.injectFault({ route: 'upload-url', status: 500, times: 5, body: '{"error":{"name":"InternalError","reason":"InternalError","message":"boom","code":500}}' })
  await page.getByRole('button', { name: 'Save photo' }).click()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 })
  await expect(editor).toHaveScreenshot('error.png')
})
