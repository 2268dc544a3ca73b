/**
 * MeterConfig status words as profile data (issue 19 §1). `Meter/Status/value` is a free
 * `xs:string` in MeterConfig.xsd (both shipped schema sets), so every utility writes its own words:
 * Connexo writes its device life-cycle states, either as the state key or as its English name
 * (DefaultState in chandangeek/Connexo_Code, com.energyict.mdc.device.lifecycle.config:
 * IN_STOCK "dlc.default.inStock" / "In stock", COMMISSIONING …, ACTIVE "dlc.default.active" /
 * "Active", INACTIVE "dlc.default.inactive" / "Inactive", DECOMMISSIONED
 * "dlc.default.decommissioned" / "Decommissioned", REMOVED "dlc.default.removed" / "Removed").
 * The profile maps each word to one of the app's asset states; a word it does not map is refused
 * with the word named, never guessed.
 */
import { assetStatuses, type AssetStatus } from '../domain/workOrder';

/**
 * The default map: the app's own words, Connexo's default life cycle (key and name) and the
 * plain English ones. "Commissioning" is not mapped: in Connexo it is a meter being configured,
 * neither in stock nor in service, so a utility that sends it says where it belongs.
 */
export const DEFAULT_METER_STATUS_WORDS: Readonly<Record<string, AssetStatus>> = {
  inStock: 'inStock',
  'In stock': 'inStock',
  'dlc.default.inStock': 'inStock',
  installed: 'installed',
  Installed: 'installed',
  Active: 'installed',
  'dlc.default.active': 'installed',
  Inactive: 'installed',
  'dlc.default.inactive': 'installed',
  removed: 'removed',
  Removed: 'removed',
  Decommissioned: 'removed',
  'dlc.default.decommissioned': 'removed',
  'dlc.default.removed': 'removed',
};

/** The app's state for a status word (trimmed, letter case ignored: "In Stock" and "In stock" both occur in Connexo), or null. */
export function meterStatusOfWord(words: Readonly<Record<string, AssetStatus>>, word: string): AssetStatus | null {
  const wanted = word.trim().toLowerCase();
  for (const [key, status] of Object.entries(words)) if (key.trim().toLowerCase() === wanted) return status;
  return null;
}

export { assetStatuses };
