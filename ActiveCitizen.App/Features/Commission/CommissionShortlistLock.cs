using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Commission;

/// <summary>A project's shortlist is frozen from the moment a commission session on it opens: the session votes on that list.</summary>
public sealed class CommissionShortlistLock(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : IShortlistLock
{
    public async Task<bool> IsFrozenAsync(int projectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CommissionSession>().AnyAsync(session => session.ProjectId == projectId && session.OpensAt <= now, cancellationToken);
    }
}
