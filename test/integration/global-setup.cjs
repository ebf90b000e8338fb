const { startApiServer } = require('../support/api-server.cjs');

// No demo data: every test file creates organizations of its own, which also exercises tenancy.
module.exports = async () => {
  // A small upload limit lets the size check be tested without sending 50 MB.
  const state = await startApiServer({
    mode: 'production',
    // Leave files from 300 kB of sheet XML (about 1,500 rows) stream, in chunks of 700 rows, so
    // streaming-import.spec.ts crosses chunks with 5,000 rows.
    env: {
      MAX_UPLOAD_MB: '2',
      IKUBOARD_IMPORT_STREAM_MIN_BYTES: '300000',
      IKUBOARD_IMPORT_CHUNK_ROWS: '700',
    },
  });
  console.log(
    `\nAPI with a fresh embedded PostgreSQL ready in ${state.startupMs} ms at ${state.baseUrl}`,
  );
};
