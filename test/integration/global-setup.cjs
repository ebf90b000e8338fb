const { startApiServer } = require('../support/api-server.cjs');

// No demo data: every test file creates organizations of its own, which also exercises tenancy.
module.exports = async () => {
  // A small upload limit lets the size check be tested without sending 50 MB.
  const state = await startApiServer({
    mode: 'production',
    env: { MAX_UPLOAD_MB: '2' },
  });
  console.log(
    `\nAPI with a fresh embedded PostgreSQL ready in ${state.startupMs} ms at ${state.baseUrl}`,
  );
};
