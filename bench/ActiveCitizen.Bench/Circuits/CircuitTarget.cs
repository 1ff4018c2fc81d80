using System.Collections.Concurrent;
using System.Net;

namespace ActiveCitizen.Bench.Circuits;

/// <summary>
/// The site the circuit clients talk to, and what they share: one HTTP connection pool (each client keeps its own cookies), and the
/// JS interop calls nobody knew how to answer, so a run can say whether the client kept up with the app.
/// </summary>
public sealed class CircuitTarget : IDisposable
{
    public CircuitTarget(Uri baseUri)
    {
        BaseUri = baseUri;
        Http = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 64,
        });
    }

    public Uri BaseUri { get; }
    public HttpMessageInvoker Http { get; }

    /// <summary>JS interop identifiers answered with null because <see cref="JsInteropAnswers"/> had nothing better.</summary>
    public ConcurrentDictionary<string, int> UnansweredJsCalls { get; } = new();

    /// <summary>Errors the server reported to a circuit (JS.Error) or the connection closed with.</summary>
    public ConcurrentQueue<string> CircuitErrors { get; } = new();

    public void Dispose() => Http.Dispose();
}
