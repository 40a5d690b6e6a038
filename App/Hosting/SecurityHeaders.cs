using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace HighServiceDashboard.App.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that allows what the app and
/// MudBlazor need and nothing else, <c>nosniff</c> and <c>Referrer-Policy: same-origin</c>.
/// Set as the response starts, so that error pages and static files carry them too.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "hsd:csp-nonce";

    /// <summary>
    /// The nonce of this response's one inline script, the import map Blazor writes into the head;
    /// every other script is a file of the site.
    /// </summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// The policy for a response: scripts from the site (and the import map by its nonce); styles
    /// from the site and inline, because MudBlazor writes style attributes; images and fonts from the
    /// site or data: addresses (MudBlazor's icons); connections to the site and the circuit's WebSocket
    /// on the same host; no framing, no foreign base or form targets.
    /// </summary>
    public static string ContentSecurityPolicy(HttpContext context)
    {
        var host = context.Request.Host.Value;
        var socket = string.IsNullOrEmpty(host) ? "" : $" ws://{host} wss://{host}";
        return "default-src 'self'; "
            + $"script-src 'self' 'nonce-{Nonce(context)}'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self' data:; "
            + $"connect-src 'self'{socket}; "
            + "object-src 'none'; "
            + "frame-ancestors 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy(context);
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}

/// <summary>
/// The reverse proxy in front of the app (TLS ends there): which addresses may say, in
/// X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it came over HTTPS. Off
/// unless <see cref="Enabled"/>; only the proxies and networks named are believed.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>The proxies' addresses (10.0.0.5).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The proxies' networks in CIDR form (10.0.0.0/24).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
