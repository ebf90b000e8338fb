const { startApiServer } = require('../support/api-server.cjs');

// Demo mode, as `npm start` runs it: みどり市 and the demo accounts are loaded on first start.
module.exports = async () => {
  const state = await startApiServer({ mode: 'demo' });
  console.log(`\nDemo API ready in ${state.startupMs} ms at ${state.baseUrl}`);
};
