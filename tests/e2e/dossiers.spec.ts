import type { Locator, Page } from '@playwright/test';
import { openedDialog } from './support/dialog';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';
import { act, prepareOffice } from './support/work';

const TITLE = '关于青山县市场监督管理局冷链食品抽检罚款的重点监督';

/** An option of the open antd Select dropdown, by its exact text. */
function option(page: Page, text: string): Locator {
  return page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) });
}

test('a dossier from registration to closed, found by a two-character search, its timeline verified and tampering named', async ({
  desk,
}) => {
  test.setTimeout(180_000);
  test.info().annotations.push({ type: 'flow', description: 'registration → closed' });
  await seedOffice(desk);
  const { page } = desk;

  // The clerk signs the timeline; demo registries give subjects and supervisors to choose.
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('clerk-name').fill('李明');
  await page.getByTestId('clerk-save').click();
  await page.getByTestId('demo-count').click();
  await option(page, '100').click();
  await page.getByTestId('demo-generate').click();
  await expect(page.getByTestId('demo-result')).toBeVisible({ timeout: 60_000 });

  // Register with Ctrl+N; a classified marking is refused, with the reason, under its field.
  await page.getByRole('menuitem', { name: '监督案卷' }).click();
  await expect(page.getByTestId('dossier-row').first()).toBeVisible();
  await page.keyboard.press('Control+n');
  const form = page.getByTestId('dossier-form');
  await expect(form).toBeVisible();
  await form.getByLabel('标题').fill(TITLE);
  await pick(page, form.getByTestId('form-confidentiality'), ['秘密']);
  await page.keyboard.press('Control+s');
  await expect(form.getByText('涉密事项不得在本软件中登记和处理')).toBeVisible();
  await expect(form.getByText('请至少选择一个被监督执法主体或机关')).toBeVisible();
  await pick(page, form.getByTestId('form-confidentiality'), ['内部']);
  await pick(page, form.getByTestId('form-subjects'), ['青山县市场监督管理局']);
  await pick(page, form.getByTestId('form-handlers'), 2);
  await form.getByLabel('案情摘要').fill('企业反映冷链食品抽检后被处以顶格罚款，未告知听证权利。');
  await page.keyboard.press('Control+s');

  const detail = page.getByTestId('dossier-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('dossier-title')).toHaveText(TITLE);
  await expect(page.getByTestId('dossier-number')).toHaveText(/^青司监〔\d{4}〕\d+号$/);
  const status = page.getByTestId('dossier-status');
  await expect(status).toHaveText('已登记');

  await act(page, 'open', (d) => d.getByLabel('调阅案卷').check());
  await expect(status).toHaveText('已立项');
  await act(page, 'start_investigation');
  await expect(status).toHaveText('调查核实');

  // Two findings from the taxonomy.
  await page.getByTestId('tab-findings').click();
  const addFinding = async (category: string, item: string, description: string) => {
    await page.getByTestId('add-finding').click();
    const dialog = await openedDialog(page);
    await pick(page, dialog.getByTestId('finding-category'), [category]);
    await pick(page, dialog.getByTestId('finding-subcategory'), [item]);
    await dialog.getByLabel('问题描述').fill(description);
    await dialog.getByLabel('整改要求').fill('依法重新作出处理决定，并书面报告整改情况');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
  };
  await addFinding('执法程序', '未告知或未组织听证', '作出较大数额罚款决定前未告知当事人听证权利');
  await addFinding('行政裁量', '顶格处罚未说明理由', '对首次轻微违法顶格罚款，未说明裁量理由');
  await expect(page.getByTestId('finding-card')).toHaveCount(2);

  await act(page, 'draft_handling', (d) => d.getByLabel('内容摘要').fill('拟发监督意见书，责令纠正'));
  await act(page, 'approve', (d) => d.getByLabel('审批人').fill('王局长'));
  await expect(status).toHaveText('已审批');
  await act(page, 'serve');
  await act(page, 'start_rectification');
  await expect(status).toHaveText('整改中');

  // Both findings report; one report is rejected and resubmitted, then verified.
  await act(page, 'receive_report', (d) => d.getByLabel('内容摘要').fill('已重新作出处理决定'));
  await expect(status).toHaveText('复核验收');
  const cards = page.getByTestId('finding-card');
  const finish = async (card: Locator, button: string, fill: (dialog: Locator) => Promise<void>) => {
    await card.getByTestId(button).click();
    const dialog = await openedDialog(page);
    await fill(dialog);
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await expect(dialog).toBeHidden();
  };
  await finish(cards.nth(0), 'reject-finding', (d) => d.getByLabel('理由').fill('未附重新作出的处罚决定书'));
  await expect(status).toHaveText('复核验收');
  await finish(cards.nth(1), 'verify-finding', (d) => d.getByLabel('说明').fill('整改到位'));
  await expect(status).toHaveText('整改中');
  await expect(cards.nth(0).getByTestId('rectification-status')).toHaveText('退回重新整改');
  // Closing is refused while the first finding's rectification is unverified.
  await expect(page.getByTestId('action-close')).toHaveCount(0);
  await act(page, 'receive_report', (d) => d.getByLabel('内容摘要').fill('补充报送新的处罚决定书'));
  await expect(page.getByTestId('action-close')).toBeDisabled();
  await finish(cards.nth(0), 'verify-finding', (d) => d.getByLabel('说明').fill('复核通过'));
  await expect(cards.nth(0).getByTestId('rectification-status')).toHaveText('验收通过');
  await act(page, 'close', (d) => d.getByLabel('办结意见').fill('问题均已整改到位'));
  await expect(status).toHaveText('已办结');
  const url = page.url();

  // A two-character Chinese query finds it, highlighted.
  await page.getByRole('menuitem', { name: '监督案卷' }).click();
  await expect(page.getByTestId('dossier-row').first()).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('dossier-search')).toBeFocused();
  await page.keyboard.type('冷链');
  const row = page.getByTestId('dossier-row').filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row.locator('mark.search-hit').first()).toHaveText('冷链');
  await expect(page.getByTestId('dossier-total')).toContainText('共 1 件');

  // The timeline shows every step and its hash chain verifies.
  await page.goto(url);
  await page.getByTestId('tab-timeline').click();
  const entries = page.getByTestId('timeline-entry');
  const steps = [
    '登记案卷',
    '立项',
    '开始调查',
    '登记问题',
    '登记问题',
    '拟定处理文书',
    '审批通过',
    '登记送达',
    '启动整改',
    '收到整改报告',
    '退回整改',
    '验收通过',
    '收到整改报告',
    '验收通过',
    '办结',
  ];
  await expect(entries).toHaveCount(steps.length);
  for (const [i, step] of steps.entries()) await expect(entries.nth(i).locator('strong')).toHaveText(step);
  await expect(entries.nth(0)).toContainText('李明');
  await page.getByTestId('verify-integrity').click();
  await expect(page.getByTestId('integrity-result')).toHaveText(`完整性校验通过：${steps.length} 条记录，哈希链完整。`);

  // Someone edits one stored event behind the app's back: the check names it.
  const id = decodeURIComponent(url.split('/dossiers/')[1] ?? '');
  await page.evaluate(async (dossierId) => {
    const request = (r: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = (await request(indexedDB.open('supervision-desk'))) as IDBDatabase;
    const tx = db.transaction(['cards', 'bodies'], 'readwrite');
    const block = (await request(tx.objectStore('cards').index('ids').get(dossierId))) as {
      cards: ({ id: string; slot: number } | null)[];
    };
    const slot = block.cards.find((c) => c?.id === dossierId)?.slot ?? -1;
    const bodies = tx.objectStore('bodies');
    const body = (await request(bodies.get(Math.floor(slot / 16)))) as {
      items: { events: { reason?: string }[] }[];
    };
    const event = body.items[slot % 16]?.events[10];
    if (event) event.reason = '事后改写的退回理由';
    await request(bodies.put(body));
    db.close();
  }, id);
  await page.getByTestId('verify-integrity').click();
  await expect(page.getByTestId('integrity-result')).toContainText('完整性校验未通过：第 11 条记录（退回整改');
  await expect(page.getByTestId('integrity-result')).toContainText('内容已被改动');
});

test('the list pages through a large set, filters by status and overdue, and saves a filter', async ({ desk }) => {
  test.setTimeout(120_000);
  await seedOffice(desk);
  const { page } = desk;
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('demo-count').click();
  await option(page, '1,000').click();
  await page.getByTestId('demo-generate').click();
  await expect(page.getByTestId('demo-result')).toBeVisible({ timeout: 90_000 });

  await page.goto(`${APP_URL}#/dossiers`);
  await expect(page.getByTestId('dossier-total')).toContainText('共 1000 件');
  // Scrolling to the end loads page after page; the rows in the DOM stay few.
  const scroll = page.getByTestId('dossier-scroll');
  for (let i = 0; i < 20; i++) await scroll.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  expect(await page.getByTestId('dossier-row').count()).toBeLessThan(60);

  const rectifying = page.getByTestId('status-rectifying');
  const count = Number((await rectifying.locator('.chip-count').textContent())?.replace(/,/g, ''));
  expect(count).toBeGreaterThan(0);
  await rectifying.click();
  await expect(page.getByTestId('dossier-total')).toContainText(`共 ${count} 件`);
  await expect(page).toHaveURL(/status=rectifying/);
  for (const tag of await page.getByTestId('dossier-row').locator('.row-tag').allTextContents()) {
    expect(['整改中', '下级报送']).toContain(tag);
  }

  // The footer counts the overdue among the rectifying; filtering on overdue lists exactly those.
  const overdue = (await page.getByTestId('dossier-total').textContent())?.match(/逾期\s*([\d,]+)/)?.[1] ?? '0';
  expect(Number(overdue.replace(/,/g, ''))).toBeGreaterThan(0);
  // The filters live in the URL: the box shows checked once the list has navigated.
  await page.getByTestId('filter-overdue').click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByTestId('filter-overdue')).toBeChecked();
  await expect(page.getByTestId('dossier-total')).toContainText(`共 ${overdue} 件`);
  const overdueTotal = (await page.getByTestId('dossier-total').textContent()) ?? '';
  await page.getByTestId('save-filter').click();
  const naming = await openedDialog(page);
  await naming.getByLabel('名称').fill('逾期整改');
  await naming.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('dossier-total')).toContainText('共 1000 件');
  await page.getByTestId('saved-filters').click();
  await page.getByRole('menuitem', { name: '逾期整改' }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByTestId('dossier-total')).toHaveText(overdueTotal);
});

test('what is typed into a dossier form survives a reload, and is offered back until saved or discarded', async ({
  desk,
}) => {
  test.setTimeout(120_000);
  await seedOffice(desk);
  const { page } = desk;
  await prepareOffice(page);

  // Typed, then the window reloads (as after a crash) before anything was saved.
  await page.goto(`${APP_URL}#/dossiers/new`);
  let form = page.getByTestId('dossier-form');
  await form.getByLabel('标题').fill('关于城区占道经营处罚案件的监督');
  await form.getByLabel('案情摘要').fill('群众反映同类占道经营处罚金额差异较大。');
  // Leaving the form at once (a click elsewhere) keeps the last keystrokes too.
  await page.evaluate(() => {
    location.hash = '#/dossiers';
  });
  await expect(page.getByTestId('dossier-list')).toBeVisible();
  await page.goto(`${APP_URL}#/dossiers/new`);
  form = page.getByTestId('dossier-form');
  await expect(form.getByLabel('案情摘要')).toHaveValue('群众反映同类占道经营处罚金额差异较大。');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('desk:draft:dossier-new') ?? ''))
    .toContain('占道经营');
  await page.reload();
  form = page.getByTestId('dossier-form');
  await expect(page.getByTestId('draft-restored')).toContainText('填写但未保存的内容');
  await expect(form.getByLabel('标题')).toHaveValue('关于城区占道经营处罚案件的监督');
  await expect(form.getByLabel('案情摘要')).toHaveValue('群众反映同类占道经营处罚金额差异较大。');

  // Discarded: the form is empty again, and stays so after another reload.
  await page.getByTestId('draft-discard').click();
  await expect(form.getByLabel('标题')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('dossier-form').getByLabel('标题')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);

  // Typed again and saved: the draft is gone, and a new form starts empty.
  form = page.getByTestId('dossier-form');
  await form.getByLabel('标题').fill('关于城区占道经营处罚案件的监督');
  await pick(page, form.getByTestId('form-subjects'), ['青山县市场监督管理局']);
  await pick(page, form.getByTestId('form-handlers'), 2);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dossier-title')).toHaveText('关于城区占道经营处罚案件的监督');
  await page.goto(`${APP_URL}#/dossiers/new`);
  await expect(page.getByTestId('dossier-form').getByLabel('标题')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);

  // An edit's draft is offered back on the same version of the dossier.
  await page.goBack();
  await page.getByRole('button', { name: '编辑' }).first().click();
  form = page.getByTestId('dossier-form');
  await expect(form.getByLabel('标题')).toHaveValue('关于城区占道经营处罚案件的监督');
  await form.getByLabel('标题').fill('关于城区占道经营处罚裁量的监督');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('desk:draft:dossier-edit:'))))
    .toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('dossier-form').getByLabel('标题')).toHaveValue('关于城区占道经营处罚裁量的监督');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dossier-title')).toHaveText('关于城区占道经营处罚裁量的监督');

  // A finding's description typed in its dialog comes back after a reload too; closing
  // the dialog discards it.
  await act(page, 'open', (d) => d.getByLabel('调阅案卷').check());
  await act(page, 'start_investigation');
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('add-finding').click();
  let dialog = await openedDialog(page);
  await dialog.getByLabel('问题描述').fill('同类占道经营案件罚款金额相差三倍');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('desk:draft:finding-new:'))))
    .toHaveLength(1);
  await page.reload();
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('add-finding').click();
  dialog = await openedDialog(page);
  await expect(dialog.getByLabel('问题描述')).toHaveValue('同类占道经营案件罚款金额相差三倍');
  await expect(dialog.getByTestId('draft-restored')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('add-finding').click();
  dialog = await openedDialog(page);
  await expect(dialog.getByLabel('问题描述')).toHaveValue('');
});
