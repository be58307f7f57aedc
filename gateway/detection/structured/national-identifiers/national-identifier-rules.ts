import { nationalNumber } from "./belgium.js";
import { socialInsuranceNumber as canadianSocialInsuranceNumber } from "./canada.js";
import { socialSecurityNumberCompact, socialSecurityNumberSpaced } from "./france.js";
import { identityCardNumber, taxIdentificationNumber } from "./germany.js";
import { taxCode } from "./italy.js";
import type { NationalIdentifierRule } from "./national-identifier-rule.js";
import { citizenServiceNumber } from "./netherlands.js";
import { danishPersonalNumber, finnishPersonalIdentityCode, norwegianBirthNumber, swedishPersonalNumber } from "./nordic-countries.js";
import { pesel } from "./poland.js";
import { documentNumber } from "./spain.js";
import { socialInsuranceNumber as swissSocialInsuranceNumber } from "./switzerland.js";
import { nationalInsuranceNumber, nhsNumber } from "./united-kingdom.js";
import { individualTaxpayerIdentificationNumber, socialSecurityNumberDashed, socialSecurityNumberPlain } from "./united-states.js";

/** Every national identifier the structured family knows, each with its checksum or structure check. */
export const nationalIdentifierRules: readonly NationalIdentifierRule[] = [
  socialSecurityNumberDashed,
  socialSecurityNumberPlain,
  individualTaxpayerIdentificationNumber,
  nationalInsuranceNumber,
  nhsNumber,
  canadianSocialInsuranceNumber,
  taxIdentificationNumber,
  identityCardNumber,
  socialSecurityNumberSpaced,
  socialSecurityNumberCompact,
  documentNumber,
  taxCode,
  citizenServiceNumber,
  swedishPersonalNumber,
  danishPersonalNumber,
  norwegianBirthNumber,
  finnishPersonalIdentityCode,
  nationalNumber,
  pesel,
  swissSocialInsuranceNumber,
];
