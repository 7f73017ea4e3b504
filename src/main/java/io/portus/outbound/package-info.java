/**
 * Portus's outgoing HTTP (webhooks, registry notifications, calls to and probes of external registries):
 * one client factory whose connections only go to addresses the outbound rule allows. Link-local and cloud
 * metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254, 100.100.100.200, 0.0.0.0/8, ::) are never
 * reached, in any IPv6 form that embeds them; {@code portus.outbound.denied-networks} adds more. The rule is
 * applied to the addresses a host name resolves to, at the moment of connecting, for every connection
 * (redirect hops included), so a name that changes its answer cannot slip past it.
 */
package io.portus.outbound;
