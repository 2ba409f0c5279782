// Loads the wasm module built from frontend/ (scripts/build-frontend.sh); its main() mounts the app.
import init from './app.js';
init();
