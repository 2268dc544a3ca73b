import { expect, test } from './fixtures';

test('opened with a wrong token, the app says so and what to do', async ({ page, host }) => {
  await page.goto(`${host.current.origin}/#token=wrong-token`);
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'error');
  await expect(page.getByTestId('start-error')).toHaveText(
    'The access token is missing or wrong. Open the URL Fieldmeter printed at start.',
  );
});

test('when the local service goes away, the next action explains what to do instead of failing silently', async ({ app: page, host }) => {
  await host.current.stop();
  await page.getByTestId('load-demo').click();
  await expect(page.getByTestId('welcome-error')).toContainText('Fieldmeter cannot reach its local service');
});
