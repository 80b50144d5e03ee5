import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { SEED_USER_IDS } from '../dev/authgear-local/seed.ts'

test('the dashboard lists the seeded users with their pictures from the local Authgear', async ({ page }) => {
  await page.goto('/')
  const list = page.getByRole('list', { name: 'Users' })
  await expect(list.getByRole('listitem')).toHaveCount(Object.keys(SEED_USER_IDS).length)

  // Pictures are the 240x240 `/profile` variant that Authgear derives from the stored object.
  const picture = list.locator(`[data-user-id="${SEED_USER_IDS['picture-jpeg']}"] img`)
  await expect(picture).toHaveAttribute('src', /\/_images\/dev-app\/[\w-]+\/profile$/)
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 240, 240])

  // A user without a picture gets initials, not a broken image.
  await expect(list.locator(`[data-user-id="${SEED_USER_IDS['no-picture']}"] [data-testid="user-initials"]`)).toBeVisible()
})

test('a user page shows the user behind the list entry', async ({ page }) => {
  await page.goto(`/#/users/${SEED_USER_IDS['picture-exif-rotated']}`)
  await expect(page.getByRole('heading', { level: 2 })).not.toBeEmpty()
  await expect(page.getByTestId('standard-attributes')).toContainText('"picture": "http')
})

test('the users page has no accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('list', { name: 'Users' })).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([])
})

test('the browser never sees the Admin API key or a JWT', async ({ page }) => {
  const bodies: string[] = []
  page.on('response', async (response) => {
    if (response.url().includes('/api/authgear/')) bodies.push(await response.text().catch(() => ''))
  })
  await page.goto('/')
  await expect(page.getByRole('list', { name: 'Users' })).toBeVisible()
  expect(bodies.length).toBeGreaterThan(0)
  for (const body of bodies) {
    expect(body).not.toMatch(/PRIVATE KEY|eyJhbGciOi/)
  }
})
