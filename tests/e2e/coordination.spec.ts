import type { Page } from '@playwright/test';
import { openedDialog } from './support/dialog';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';
import { act, addFinding, fillDate, prepareOffice, setDay } from './support/work';

/** Registers a dossier through the form and returns with its page open. */
async function registerDossier(page: Page, title: string, kind: string, subjects: string[]): Promise<void> {
  await page.goto(`${APP_URL}#/dossiers`);
  await expect(page.getByTestId('dossier-row').first()).toBeVisible();
  await page.keyboard.press('Control+n');
  const form = page.getByTestId('dossier-form');
  await expect(form).toBeVisible();
  await form.getByLabel('标题').fill(title);
  await pick(page, form.locator('.ant-form-item').filter({ hasText: '监督类型' }).locator('.ant-select'), [kind]);
  await pick(page, form.getByTestId('form-subjects'), subjects);
  await pick(page, form.getByTestId('form-handlers'), 2);
  await form.getByLabel('案情摘要').fill(`${title}。`);
  await page.getByTestId('save-dossier').click();
  await expect(page.getByTestId('dossier-detail')).toBeVisible();
  await expect(page.getByTestId('dossier-title')).toHaveText(title);
}

test('a jurisdiction dispute recorded: parties and positions, the coordination opinion and the agreed outcome', async ({
  desk,
}) => {
  test.setTimeout(240_000);
  const { page } = desk;
  await seedOffice(desk);
  await setDay(page, '2026-11-02');
  await prepareOffice(page);

  const MARKET = '青山县市场监督管理局';
  const URBAN = '青山县综合行政执法局';
  await registerDossier(page, '关于流动摊贩售卖自制熟食查处职责的协调', '管辖争议协调', [MARKET, URBAN]);
  await page.getByTestId('tab-coordination').click();
  const form = page.getByTestId('coordination-form');
  await expect(form).toBeVisible();

  // Saving without an agreed organ is refused under the field.
  await form.getByLabel('争议事项').fill('城区流动摊贩售卖自制熟食行为的查处职责');
  const parties = form.getByTestId('party-fields');
  await expect(parties).toHaveCount(2);
  await parties.nth(0).getByLabel('争议方', { exact: true }).fill(MARKET);
  await parties.nth(0).getByLabel('意见和理由').fill('该行为属于占道无证经营，应由城市管理部门查处。');
  await parties.nth(1).getByLabel('争议方', { exact: true }).fill(URBAN);
  await parties.nth(1).getByLabel('意见和理由').fill('该行为涉及食品安全，应由市场监管部门查处。');
  await form
    .getByLabel('协调意见', { exact: true })
    .fill(`售卖自制熟食涉及食品安全的，由${MARKET}牵头查处\n两部门建立案件移交机制`);
  await pick(page, form.getByTestId('coordination-outcome-select'), ['协商一致']);
  await fillDate(form.getByLabel('结果日期'), '2026-11-02');
  await page.getByTestId('coordination-save').click();
  await expect(form.locator('.ant-form-item-explain-error')).not.toHaveCount(0);
  await form.getByLabel('确定的管辖机关').fill(MARKET);
  await page.getByTestId('coordination-save').click();

  const view = page.getByTestId('coordination-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('coordination-outcome')).toHaveText('协商一致');
  await expect(view.getByTestId('coordination-party')).toHaveCount(2);
  await expect(view).toContainText('两部门建立案件移交机制');
  await expect(view).toContainText(MARKET);

  // Still there when the dossier is opened again.
  await page.reload();
  await page.getByTestId('tab-coordination').click();
  await expect(page.getByTestId('coordination-outcome')).toHaveText('协商一致');
  // The workflow does not allow closing a registered dossier: nothing is offered yet.
  await expect(page.getByTestId('coordination-close-offer')).toHaveCount(0);

  // Once the opinion is served, the recorded outcome offers to close the dossier, with
  // a conclusion drawn from it.
  await act(page, 'open', (d) => d.getByLabel('调阅案卷').check());
  await act(page, 'start_investigation');
  await act(page, 'draft_handling', async (d) => {
    await d.getByRole('radio', { name: /通知书/ }).check();
    await d.getByLabel('内容摘要').fill('拟发协调结果通知');
  });
  await act(page, 'approve', (d) => d.getByLabel('审批人').fill('王局长'));
  await act(page, 'serve');
  await page.getByTestId('tab-coordination').click();
  await page.getByTestId('coordination-close').click();
  const dialog = await openedDialog(page);
  await expect(dialog.getByLabel('办结意见')).toHaveValue(`管辖争议协调结果：协商一致。确定的管辖机关：${MARKET}。`);
  await dialog.getByRole('button', { name: '确认办理' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dossier-status')).toHaveText('已办结');
  await expect(page.getByTestId('coordination-close-offer')).toHaveCount(0);
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('dossier-detail')).toContainText(`确定的管辖机关：${MARKET}`);
});

test('review requests judged on their receipt date: one outside the 10-working-day window refused, one inside accepted and decided', async ({
  desk,
}) => {
  test.setTimeout(180_000);
  const { page } = desk;
  await seedOffice(desk);
  // Served on Monday 2 November: requests may come until 16 November (10 working days).
  await setDay(page, '2026-11-02');
  await prepareOffice(page);

  await registerDossier(page, '关于青山县市场监督管理局行政处罚案件的重点监督', '重点监督', ['青山县市场监督管理局']);
  const status = page.getByTestId('dossier-status');
  await act(page, 'open', (d) => d.getByLabel('调阅案卷').check());
  await act(page, 'start_investigation');
  await addFinding(page, '执法程序', '超期作出决定', '抽查的3件案件超过法定期限作出处罚决定');
  await act(page, 'draft_handling', (d) => d.getByLabel('内容摘要').fill('拟发监督意见书'));
  await act(page, 'approve', (d) => d.getByLabel('审批人').fill('王局长'));
  await act(page, 'serve');
  await expect(status).toHaveText('已送达');
  const dossierUrl = page.url();

  // 27 November: the window closed on 16 November.
  await setDay(page, '2026-11-27');
  await page.goto(dossierUrl);
  await page.reload();
  await page.getByTestId('tab-review').click();
  const panel = page.getByTestId('review-panel');
  await expect(panel).toContainText('2026-11-16');
  await expect(panel).toContainText('申请期限已届满');

  const request = async (receivedOn: string, reason: string) => {
    await page.getByTestId('review-register').click();
    const dialog = await openedDialog(page);
    await fillDate(dialog.getByLabel('收到申请日期'), receivedOn);
    await dialog.getByLabel('申请理由').fill(reason);
    return dialog;
  };

  // Received on 20 November, four working days late: refused, recorded, the status unchanged.
  let dialog = await request('2026-11-20', '对认定的超期办案事实有异议');
  await expect(dialog.getByTestId('review-judgement')).toContainText('已超过申请期限 4 个工作日');
  await dialog.getByRole('button', { name: '登记并不予受理' }).click();
  await expect(dialog).toBeHidden();
  const rows = page.getByTestId('review-request-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('不予受理');
  await expect(status).toHaveText('已送达');

  // Received on 10 November but recorded today: inside the window, accepted, decision due in 15 working days.
  dialog = await request('2026-11-10', '部分案件已依法延期，申请复查');
  await expect(dialog.getByTestId('review-judgement')).toContainText('在申请期限内');
  await expect(dialog.getByTestId('review-judgement')).toContainText('2026-12-01');
  await dialog.getByRole('button', { name: /受\s?理/ }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '已受理' })).toHaveCount(1);
  await expect(status).toHaveText('申请复查');

  // The decision is recorded on the original dossier and its timeline.
  await act(page, 'decide_review', async (d) => {
    await d.getByRole('radio', { name: '变更' }).check();
    await d.getByLabel('理由').fill('部分案件延期手续完备，变更相应认定');
  });
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-outcome')).toContainText('变更');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('dossier-detail')).toContainText('部分案件延期手续完备');
});
