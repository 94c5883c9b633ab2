/**
 * Online charging modelled on 3GPP TS 32.291 (Nchf_ConvergedCharging): the SMSF, IMS or SMF asks before it delivers an
 * SMS, connects a call or extends a data session, and grants never exceed what is left of the SIM's limits. Empty
 * until online charging lands; only the ports of {@code io.cellgate.ports} may be used.
 */
package io.cellgate.network.charging;
