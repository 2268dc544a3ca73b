// electron-builder afterPack hook: flips the Electron fuses of the packaged binary, so the
// shipped app cannot be turned into a plain Node runtime or told to load other code.
// CommonJS because electron-builder require()s its hooks.
'use strict';
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Fuse name (as in @electron/fuses FuseV1Options) → state, with the reason for each. */
const fuseSettings = Object.freeze({
  // ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node interpreter.
  RunAsNode: false,
  // Cookies and local storage encrypted with the OS keychain.
  EnableCookieEncryption: true,
  // NODE_OPTIONS (--require, --inspect) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash recorded at build time (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose app/ folder placed next to it.
  OnlyLoadAppFromAsar: true,
  // file:// pages get no extra powers; the renderer is served from app://.
  GrantFileProtocolExtraPrivileges: false,
});

function fuseConfig(platform, arch) {
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(fuseSettings)) {
    if (!(name in FuseV1Options)) throw new Error(`Unknown Electron fuse ${name}: update @electron/fuses`);
    config[FuseV1Options[name]] = value;
  }
  // Changing the binary breaks the ad-hoc signature of Apple Silicon builds; re-sign it.
  config.resetAdHocDarwinSignature = platform === 'darwin' && arch === 'arm64';
  return config;
}

/** Where the Electron executable is inside electron-builder's unpacked output. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

// electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal.
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

async function afterPack(context) {
  const binary = electronBinary(context);
  const arch = typeof context.arch === 'number' ? archNames[context.arch] : context.arch;
  await flipFuses(binary, fuseConfig(context.electronPlatformName, arch));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.electronBinary = electronBinary;
