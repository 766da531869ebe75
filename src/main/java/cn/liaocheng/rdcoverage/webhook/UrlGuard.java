package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Server-side request forgery rules for webhook URLs: https in production; loopback, link-local (169.254.x.x, the
 * cloud metadata address, fe80::/10), private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), unspecified and
 * multicast addresses refused unless configuration allows the first three. Checked when a subscription is made and
 * again before every delivery (the name may resolve elsewhere by then).
 */
@ApplicationScoped
public class UrlGuard {
    @Inject WebhookConfig config;

    /** Why the URL may not be called (in English and Chinese), or null when it may. */
    public FieldMessage problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return FieldMessage.of("is required", "field.REQUIRED.url");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return FieldMessage.of("is not a valid URL", "field.INVALID_FORMAT.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !config.requireHttps())) {
            return config.requireHttps() ? FieldMessage.of("must be an https URL", "field.INVALID_VALUE.url-https")
                    : FieldMessage.of("must be an http or https URL", "field.INVALID_VALUE.url-http");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return FieldMessage.of("must name a host", "field.INVALID_VALUE.url-host");
        }
        if (uri.getRawUserInfo() != null) {
            return FieldMessage.of("must not carry credentials", "field.INVALID_VALUE.url-credentials");
        }
        if (uri.getRawFragment() != null) {
            return FieldMessage.of("must not have a fragment", "field.INVALID_VALUE.url-fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return FieldMessage.of("names a host that does not resolve (" + uri.getHost() + ")", "field.INVALID_VALUE.url-unresolved", uri.getHost());
        }
        for (InetAddress a : addresses) {
            String refused = refused(a);
            if (refused != null) {
                return FieldMessage.of("resolves to " + a.getHostAddress() + ", " + refused, "field.INVALID_VALUE.url-refused", a.getHostAddress(), refused);
            }
        }
        return null;
    }

    private String refused(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return "an address no webhook may call";
        }
        if (a.isLoopbackAddress()) {
            return config.allowLoopback() ? null : "a loopback address (refused unless rd.webhooks.allow-loopback)";
        }
        if (a.isLinkLocalAddress()) {
            return config.allowLinkLocal() ? null : "a link-local address (refused unless rd.webhooks.allow-link-local)";
        }
        if (isPrivate(a)) {
            return config.allowPrivate() ? null : "a private address (refused unless rd.webhooks.allow-private)";
        }
        return null;
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return a.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128) || first == 0;
        }
        if (a instanceof Inet6Address) {
            return a.isSiteLocalAddress() || (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}
