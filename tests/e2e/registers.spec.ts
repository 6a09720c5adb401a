/**
 * The safety and self-governance registers, as a resident reads them on the
 * sample site: elevator visits, the drill and the rescue phone; the fire
 * hazard ledger and filings; secondary water supply; 红色物业, 业主监事会 and
 * 两长一代表; and each register's rows in the open data and templates.
 */
import { expect, test } from '@playwright/test';
import { sampleBundle } from './sample-data.ts';

test('elevators: the rescue phone, the drill, and each elevator’s visits of the last year', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  const part = page.locator('#elevators');
  await expect(part.locator('a[href="tel:96333"]')).toHaveText('96333');
  await expect(part).toContainText('最近一次应急演练2026年6月18日');
  // The contractor once, with its phone; then each elevator in a line.
  await expect(
    part.getByRole('heading', { name: /维保单位：昌吉州安达电梯工程有限公司奇台分公司（8 部）/ }),
  ).toBeVisible();
  // 1号楼1单元: every 14 days from 2025-11-27 to 2026-11-06, 26 visits within the year before 2026-11-20.
  await expect(part.locator('.elevator-list li').first()).toContainText(
    '1号楼1单元 31106523252014000001最近维保2026年11月6日，下次年检2027年4月13日；近12个月维保26次，最长间隔14日',
  );
  // 3号楼1单元 had one visit four days late in March.
  await expect(part.locator('.elevator-list li', { hasText: '31106523252014000005' })).toContainText('最长间隔18日');
  await expect(part.locator('a[href="/data/c/tianshan-huayuan/elevator-maintenance.csv"]')).toHaveCount(1);
  // That late visit is history: shown, not counted as open.
  const late = page.locator('.finding[data-level="resolved"]', {
    hasText: '2026年2月17日至2026年3月7日间隔18日未维保',
  });
  await expect(late.first()).toBeAttached();
  await page.goto('/c/gucheng-jiayuan/');
  await expect(page.locator('#elevators')).toContainText('电梯应急演练最近一次为2025年10月15日');
});

test('fire safety: the hazard ledger, the filings, the fire lanes and 三清一查', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  const part = page.locator('#fire-safety');
  await expect(part).toContainText('1项正在整改');
  await expect(part).toContainText(
    '小区东门：消防车道被私家车占用，施划禁停标线，加装隔离桩，期限2026年12月10日，责任人项目经理 李建国',
  );
  await expect(part).toContainText('已整改2项');
  await expect(part).toContainText('合同和检测报告备案2026年7月3日');
  await expect(part).toContainText('隐患台账备案2026年6月15日');
  await expect(part).toContainText('消防车道画线标识已画线标识');
  await expect(part).toContainText('最近一次“三清一查”2026年7月15日');
  await page.goto('/c/gucheng-jiayuan/');
  await expect(page.locator('#fire-safety')).toContainText(
    '消防隐患“室内消火栓箱缺水带”（2号楼地下室）应于2026年8月31日前整改，尚未完成',
  );
  await expect(page.locator('#fire-safety')).toContainText('高层住宅小区的消防车道尚未画线标识');
});

test('secondary water supply: cleanings and tests, and what is owed where there is none', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  const part = page.locator('#water-supply');
  await expect(part).toContainText('最近一次清洗消毒2026年6月2日');
  await expect(part).toContainText('最近一次水质检测2026年6月10日，合格');
  await page.goto('/c/donghu-mingdi/');
  await expect(page.locator('#water-supply')).toContainText('2026年4月15日的水质检测不合格');
  await expect(page.locator('#water-supply')).toContainText('已逾期');
  await page.goto('/c/jinxiu-huating/');
  await expect(page.locator('#water-supply')).toContainText('有二次供水设施，但未公示清洗消毒记录');
  await page.goto('/c/bogeda-xiaoqu/');
  await expect(page.locator('#water-supply')).toContainText('本小区没有二次供水设施。');
});

test('红色物业, 业主监事会 and 两长一代表 where a compound has them', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  const governance = page.getByTestId('governance');
  await expect(governance).toContainText('红色物业党建示范项目县级红色物业党建示范项目（2025年）');
  await expect(governance).toContainText('业主监事会2025年4月12日成立，5人');
  await expect(governance).toContainText('两长一代表党小组长4人、楼栋长12人、业主代表36人');
  await page.goto('/c/bogeda-xiaoqu/');
  await expect(page.getByTestId('governance')).toHaveCount(0);
});

test('each register’s rows are in the county download and its template on /submit/', async ({ request }) => {
  const bundle = await sampleBundle();
  const registers = [
    ['elevator-maintenance', 'elevatorMaintenance', '电梯注册代码,维保日期,维保单位,维保单编号'],
    ['fire-hazards', 'fireHazards', '发现日期,部位,隐患,整改措施,整改期限,责任人,整改完成日期'],
    ['water-supply', 'waterServices', '日期,类别,实施单位,报告编号,检测结果'],
    ['maintenance-fund-inflows', 'fundInflows', '入账日期,类别,金额（元）,备注'],
    ['maintenance-fund-years', 'fundYears', '年度,年初余额（元）,年末余额（元）'],
  ] as const;
  for (const [resource, field, header] of registers) {
    const rows = bundle.compounds.reduce((n, r) => n + r[field].length, 0);
    expect(rows, resource).toBeGreaterThan(0);
    const csv = (await (await request.get(`/data/${resource}.csv`)).text()).replace(/^\uFEFF/, '').trimEnd();
    expect(csv.split('\r\n').length - 1, resource).toBe(rows);
    const template = await (await request.get(`/submit/templates/${resource}.csv`)).text();
    expect(template.replace(/^\uFEFF/, '').split(/\r?\n/)[0], resource).toBe(header);
  }
  const compound = await (await request.get('/data/c/tianshan-huayuan.json')).json();
  expect(compound.disclosures.governance.two_heads_one_rep.building_heads).toBe(12);
  expect(compound.disclosures.elevator_safety.rescue_phone).toBe('96333');
});

test('the elevator contractors’ page: whom each serves, and what is overdue', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  await page.locator('#elevators').getByRole('link', { name: '全县电梯维保单位及逾期情况' }).click();
  await expect(page).toHaveURL('/elevators/');
  const card = page.locator('.card', { hasText: '昌吉州安达电梯工程有限公司奇台分公司' });
  await expect(card.getByRole('link', { name: '天山花园' })).toHaveAttribute('href', '/c/tianshan-huayuan/#elevators');
  await expect(card).toContainText('天山花园：8 部');
  // Every contractor named in any elevators.csv is listed once.
  const bundle = await sampleBundle();
  const names = new Set(bundle.compounds.flatMap((r) => r.elevators.map((e) => e.contractor)));
  await expect(page.locator('main .card-title')).toHaveCount(names.size);
});

test('12345 work orders: on the compound, rolled up for its company and the county, beside its evaluation', async ({
  page,
  request,
}) => {
  await page.goto('/c/tianshan-huayuan/');
  const orders = page.locator('#evaluation').getByTestId('work-orders');
  // 2026Q3: 10 received; 8 answered and 6 closed on time; 5 of 6 called back satisfied (83.3%, rounded down).
  await expect(orders).toContainText(
    '2026年第3季度：受理10件（物业服务3、物业收费3、环境卫生3、设施设备维修1）；按时响应80%，按时办结60%，回访满意83%',
  );
  await page.goto('/companies/tianrun/');
  await expect(page.getByTestId('work-orders').getByRole('link', { name: '天山花园' })).toHaveAttribute(
    'href',
    '/c/tianshan-huayuan/#evaluation',
  );
  await page.goto('/dashboard/');
  await expect(page.getByTestId('work-orders')).toContainText('全县：受理');
  await page.goto('/evaluations/');
  const row = page.locator('[id="2026H1"] tr', { has: page.getByRole('link', { name: '天山花园' }) });
  await expect(row).toContainText('16件，按时办结87%');
  const csv = (await (await request.get('/data/work-orders-12345.csv')).text()).replace(/^\uFEFF/, '');
  const header =
    '统计季度,小区标识,受理量,物业服务,物业收费,设施设备维修,环境卫生,安全隐患,其他,按时响应量,按时办结量,回访量,满意量';
  expect(csv.split('\r\n')[0]).toBe(header);
  // The county's files have templates on /submit/ too.
  const template = await (await request.get('/submit/templates/work-orders-12345.csv')).text();
  expect(template.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
  expect(csv).toContain('2026Q3,tianshan-huayuan,10,3,3,1,3,0,0,8,6,6,5');
});

test('the maintenance fund: the year’s account, checked at build, inflows, and emergency uses', async ({ page }) => {
  await page.goto('/c/tianshan-huayuan/');
  const part = page.locator('#maintenance-fund');
  // 3,746,576.84 + 48,886.40 received − 86,400.00 used in 2025.
  await expect(part).toContainText(
    '2025年：年初 3,746,576.84 元，入账 48,886.40 元，使用 86,400.00 元，年末 3,709,063.24 元（已核对）',
  );
  await expect(part.getByRole('link', { name: '入账明细下载' })).toHaveAttribute(
    'href',
    '/data/c/tianshan-huayuan/maintenance-fund-inflows.csv',
  );
  const emergency = part.locator('tr', { hasText: '电梯曳引钢丝绳更换' });
  await expect(emergency).toContainText('紧急使用');
  await expect(emergency).toContainText('社区初审 2026年8月20日');
  await page.goto('/c/jinshuiwan/');
  await expect(page.locator('#maintenance-fund')).toContainText(
    '未公示2025年维修资金年度收支（应于2026年3月31日前公示）',
  );
});

test('credit files: the company’s score from its records, a manager’s own page, and the download', async ({
  page,
  request,
}) => {
  await page.goto('/c/tianshan-huayuan/');
  await page.locator('#manager').getByRole('link', { name: '奇物项备〔2024〕021号' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('项目负责人：王建军');
  await expect(page.locator('main')).toContainText('天山花园业主满意度位列全县第一（表彰）');
  await expect(page.locator('main .credit-points')).toHaveText(['+3']);
  await page.goto('/companies/tianrun/');
  const credit = page.getByTestId('credit');
  // Base 80, +5 and +6 in force on 2026-11-20: the 91 its 2026H1 rating was checked against.
  await expect(credit).toContainText('信用档案当前分值：91 分（基础分 80 分）');
  await page.goto('/companies/gucheng-anju/');
  await expect(page.getByTestId('credit').locator('li', { hasText: '冬季除雪不及时' })).toContainText('（已过期）');
  const csv = (await (await request.get('/data/credit-records.csv')).text()).replace(/^\uFEFF/, '').trimEnd();
  const header = '企业标识,项目负责人备案编号,记录日期,类别,事项,分值,依据文件,有效期至';
  expect(csv.split('\r\n')[0]).toBe(header);
  const template = await (await request.get('/submit/templates/credit-records.csv')).text();
  expect(template.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
  expect(csv.split('\r\n')).toHaveLength(14);
});
