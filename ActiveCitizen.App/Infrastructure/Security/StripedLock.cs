namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>
/// Serialises work per key (an account, an address) with a fixed set of locks: two keys rarely share a stripe, and memory stays
/// bounded however many keys an attacker invents.
/// </summary>
public sealed class StripedLock(int stripes = 1024)
{
    private readonly SemaphoreSlim[] locks = Enumerable.Range(0, stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        var stripe = locks[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(key) % (uint)locks.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
