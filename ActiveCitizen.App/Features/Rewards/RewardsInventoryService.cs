using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Rewards;

public sealed record RewardTypeDraft(LocalizedText Name, LocalizedText Provider, LocalizedText Description, DateTime? ValidUntil, int? PointPrice);

public sealed record CodeImportReport(RewardsStatus Status, int Added, IReadOnlyList<RejectedRow> Rejected, FieldError? Problem = null);

/// <summary>
/// The rewards inventory, for admins: reward types, and their codes imported from CSV (duplicates and malformed rows reported and
/// skipped) or generated. Adding codes hands them at once to prize winners who were waiting for one.
/// </summary>
public sealed partial class RewardsInventoryService(
    IDbContextFactory<AppDbContext> dbFactory, UserAccess access, PrizeService prizes, ILiveEvents liveEvents, TimeProvider time, ILogger<RewardsInventoryService> logger)
{
    public const string NameField = "Name";
    public const string ProviderField = "Provider";
    public const string DescriptionField = "Description";
    public const string PriceField = "PointPrice";
    public const string CountField = "Count";
    public const string FileField = "File";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<RewardsResult> SaveTypeAsync(ClaimsPrincipal principal, int? typeId, RewardTypeDraft draft, CancellationToken cancellationToken = default)
    {
        if (await RewardsAccess.AdminAsync(access, principal, cancellationToken) is { } refusal)
        {
            return new RewardsResult(refusal);
        }
        var errors = new List<FieldError>();
        BilingualText.RequireBoth(errors, NameField, draft.Name, RewardLimits.NameMaxLength);
        BilingualText.RequireBoth(errors, ProviderField, draft.Provider, RewardLimits.NameMaxLength);
        BilingualText.RequireBoth(errors, DescriptionField, draft.Description, RewardLimits.DescriptionMaxLength);
        if (draft.PointPrice is < 1 or > RewardLimits.MaxPrice)
        {
            errors.Add(new(PriceField, "Validation.RewardPrice", RewardLimits.MaxPrice));
        }
        if (errors.Count > 0)
        {
            return new RewardsResult(RewardsStatus.Invalid, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = typeId is { } id ? await db.Set<RewardType>().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken) : null;
        if (typeId is not null && type is null)
        {
            return new RewardsResult(RewardsStatus.NotFound);
        }
        if (type is null)
        {
            type = new RewardType { CreatedAt = Now };
            db.Add(type);
        }
        type.Name = BilingualText.Trimmed(draft.Name);
        type.Provider = BilingualText.Trimmed(draft.Provider);
        type.Description = BilingualText.Trimmed(draft.Description);
        type.ValidUntil = draft.ValidUntil;
        type.PointPrice = draft.PointPrice;
        await db.SaveChangesAsync(cancellationToken);
        liveEvents.Publish(RewardsTopics.Inventory, new RewardsChanged());
        return new RewardsResult(RewardsStatus.Done, Id: type.Id);
    }

    /// <summary>
    /// Adds codes from CSV: one code per row (the first column; a header row named "code" is skipped). A code already in the
    /// inventory or earlier in the file, or not 4–64 letters, digits and dashes, is reported with its line and skipped.
    /// </summary>
    public async Task<CodeImportReport> ImportCodesAsync(ClaimsPrincipal principal, int typeId, string csv, CancellationToken cancellationToken = default)
    {
        if (await RewardsAccess.AdminAsync(access, principal, cancellationToken) is { } refusal)
        {
            return new CodeImportReport(refusal, 0, []);
        }
        if (CsvFile.TryRead(csv, RewardLimits.CsvMaxBytes, FileField, out var records) is { } unreadable)
        {
            return new CodeImportReport(RewardsStatus.Invalid, 0, [], unreadable);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<RewardType>().AnyAsync(type => type.Id == typeId, cancellationToken))
        {
            return new CodeImportReport(RewardsStatus.NotFound, 0, []);
        }
        var existing = (await db.Set<RewardCode>().Where(code => code.RewardTypeId == typeId).Select(code => code.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rejected = new List<RejectedRow>();
        var added = new List<RewardCode>();
        foreach (var record in records)
        {
            var code = record.Fields[0].Trim();
            if (record == records[0] && code.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!CodeFormat().IsMatch(code))
            {
                rejected.Add(new RejectedRow(record.Line, [new(FileField, "Validation.RewardCodeFormat", RewardLimits.CodeMinLength, RewardLimits.CodeMaxLength)]));
            }
            else if (!existing.Add(code))
            {
                rejected.Add(new RejectedRow(record.Line, [new(FileField, "Validation.RewardCodeDuplicate", code)]));
            }
            else
            {
                added.Add(new RewardCode { RewardTypeId = typeId, Code = code, AddedAt = Now });
            }
        }
        db.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added some of the same codes a moment ago: nothing of this file was added; importing it again reports them.
            return new CodeImportReport(RewardsStatus.Invalid, 0, [], new(FileField, "Validation.RewardCodesRaced"));
        }
        await AfterStockAddedAsync(added.Count, cancellationToken);
        return new CodeImportReport(RewardsStatus.Done, added.Count, rejected);
    }

    /// <summary>Generates codes the city can hand out itself (12 characters from an alphabet without look-alikes, e.g. 7KQ4-MX2P-9HTC).</summary>
    public async Task<RewardsResult> GenerateCodesAsync(ClaimsPrincipal principal, int typeId, int count, CancellationToken cancellationToken = default)
    {
        if (await RewardsAccess.AdminAsync(access, principal, cancellationToken) is { } refusal)
        {
            return new RewardsResult(refusal);
        }
        if (count is < 1 or > RewardLimits.MaxGenerate)
        {
            return new RewardsResult(RewardsStatus.Invalid, [new(CountField, "Validation.RewardGenerateCount", RewardLimits.MaxGenerate)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<RewardType>().AnyAsync(type => type.Id == typeId, cancellationToken))
        {
            return new RewardsResult(RewardsStatus.NotFound);
        }
        var existing = (await db.Set<RewardCode>().Where(code => code.RewardTypeId == typeId).Select(code => code.Code).ToListAsync(cancellationToken)).ToHashSet();
        var codes = new List<RewardCode>();
        while (codes.Count < count)
        {
            var code = NewCode();
            if (existing.Add(code))
            {
                codes.Add(new RewardCode { RewardTypeId = typeId, Code = code, AddedAt = Now });
            }
        }
        db.AddRange(codes);
        await db.SaveChangesAsync(cancellationToken);
        await AfterStockAddedAsync(codes.Count, cancellationToken);
        return new RewardsResult(RewardsStatus.Done, Id: codes.Count);
    }

    public static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var characters = RandomNumberGenerator.GetItems<char>(alphabet, 12);
        return $"{new string(characters, 0, 4)}-{new string(characters, 4, 4)}-{new string(characters, 8, 4)}";
    }

    /// <summary>
    /// The codes are committed already: winners waiting for one get theirs now. If that fails, the import still stands (and is
    /// reported as done); the prize worker hands the codes out on its next pass.
    /// </summary>
    private async Task AfterStockAddedAsync(int added, CancellationToken cancellationToken)
    {
        if (added == 0)
        {
            return;
        }
        liveEvents.Publish(RewardsTopics.Inventory, new RewardsChanged());
        try
        {
            await prizes.AllocatePendingAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Codes were added, but handing them to waiting winners failed; the prize worker retries");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{3,63}$")]
    private static partial Regex CodeFormat();
}
