using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ActiveCitizen.App.Infrastructure.Live;

/// <summary>
/// The state of this circuit's connection to its browser. Components that show live data listen to <see cref="Restored"/> to load
/// whatever they may have missed while the connection was down (a phone in a tunnel, a laptop waking up).
/// </summary>
public sealed class CircuitConnection
{
    private bool everConnected;
    private bool connected;

    /// <summary>Raised when the browser comes back after the connection was lost; handlers run in no particular synchronization context.</summary>
    public event Func<Task>? Restored;

    /// <summary>The browser is connected (for the first time, or again); called by <see cref="CircuitConnectionHandler"/>.</summary>
    public async Task ConnectedAsync()
    {
        var wasLost = !connected && everConnected;
        connected = everConnected = true;
        if (wasLost && Restored is { } restored)
        {
            foreach (var handler in restored.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }

    public void Disconnected() => connected = false;
}

/// <summary>Feeds <see cref="CircuitConnection"/> from the circuit's lifecycle.</summary>
public sealed class CircuitConnectionHandler(CircuitConnection connection) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => connection.ConnectedAsync();

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.Disconnected();
        return Task.CompletedTask;
    }
}
