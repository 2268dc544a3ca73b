/**
 * Issue 20 in Chromium: the probe doctor shows an optical session's raw transcript in the meter's
 * history (password masked), and a supervisor assigns and unassigns a meter model in the Review section.
 */
import { expect, test } from './fixtures';
import { openSearchedMeter, searchMeter, switchProfile } from './pages';

test.use({ demo: true, signInAs: 'Ines Installer' });

test('a time sync leaves its transcript in the meter history; a supervisor assigns a model to a meter type', async ({ app: page }) => {
  await searchMeter(page, 'E3100004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await form.getByTestId('optical-panel').locator('summary').click();
  const panel = form.getByTestId('program-panel');
  await panel.getByTestId('program-password').fill('00000000');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-result')).toContainText('Clock set.');

  const sessions = page.getByTestId('probe-transcripts');
  await expect(sessions.getByTestId('probe-transcript')).toHaveCount(1);
  await expect(sessions.getByTestId('probe-transcript')).toContainText('Time sync · completed');
  await sessions.getByTestId('probe-transcript').locator('button').click();
  const lines = sessions.getByTestId('probe-transcript-line');
  await expect(lines.first()).toContainText('/?!<CR><LF>');
  await expect(lines.first()).toContainText('probe → meter');
  await expect(sessions.getByTestId('probe-transcript-detail')).toContainText('<SOH>P1<STX>(********)<ETX>*');
  await expect(sessions.getByTestId('probe-transcript-detail')).not.toContainText('00000000');

  await switchProfile(page, 'Sam Supervisor', 'supervisor');
  const models = page.getByTestId('meter-models');
  await expect(models.getByTestId('meter-model')).toHaveCount(3);
  await models.getByTestId('model-manufacturer').fill('LGZ');
  await models.getByTestId('model-ident').fill('ZMD3104');
  await models.getByTestId('model-select').selectOption('lgz-zmd');
  await models.getByTestId('model-assign').click();
  const lgz = models.locator('[data-model="lgz-zmd"]');
  await expect(lgz.getByTestId('model-type')).toContainText('LGZ ZMD3104…');
  await lgz.getByTestId('model-unassign').click();
  await expect(lgz.getByTestId('model-type')).toHaveCount(0);
});
