import { expect, test } from './fixtures';

test('opened with a wrong token, the app says so and what to do', async ({ page, host }) => {
  await page.goto(`${host.current.origin}/#token=wrong-token`);
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'error');
  await expect(page.getByTestId('start-error')).toHaveText(
    'This page’s access key does not match (Fieldmeter may have restarted). Open the address Fieldmeter printed when it started.',
  );
});

test('when the local service goes away, the next action explains what to do instead of failing silently', async ({ app: page, host }) => {
  await host.current.stop();
  await page.getByTestId('load-demo').click();
  await expect(page.getByTestId('welcome-error')).toContainText('Fieldmeter cannot reach its local service');
});
