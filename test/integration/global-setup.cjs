const { startApiServer } = require('../support/api-server.cjs');

// No demo data: every test file creates organizations of its own, which also exercises tenancy.
module.exports = async () => {
  const state = await startApiServer({ mode: 'production' });
  console.log(
    `\nAPI with a fresh embedded PostgreSQL ready in ${state.startupMs} ms at ${state.baseUrl}`,
  );
};
