// Imported first by benches that render React: the production build, as the app ships (React reads NODE_ENV when it loads).
process.env.NODE_ENV ??= 'production';
