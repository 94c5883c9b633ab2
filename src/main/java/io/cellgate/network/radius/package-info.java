/**
 * The RADIUS AAA server (RFC 2865, 2866, 2869, 5176; 3GPP TS 29.061, vendor 10415): Access-Request decisions from the
 * SIM's decision row (state, IMEI lock, APN, static IP, data limit), accounting into exact usage counters, and
 * Disconnect/CoA to the NAS when a limit is reached or the policy changes. Per-NAS shared secrets; Message-Authenticator
 * required (Blast-RADIUS). Empty until the RADIUS server lands; only the ports of {@code io.cellgate.ports} may be used.
 */
package io.cellgate.network.radius;
