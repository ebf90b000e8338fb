export async function webFirstChart() {
  return { name: 'web-first-chart', skipped: 'todo' };
}
