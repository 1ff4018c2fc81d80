using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActiveCitizen.Tests.Features.Accounts;

public sealed class AccountProfileServiceTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly InProcessLiveEvents liveEvents = new(NullLogger<InProcessLiveEvents>.Instance);

    private AccountProfileService Service() => new(database.Factory, liveEvents);

    [Fact]
    public async Task A_resident_sees_their_profile_with_roles()
    {
        var userId = await TestUsers.CreateAsync(database, "Elena", Roles.Expert);

        var profile = await Service().GetAsync(TestUsers.Principal(userId));

        Assert.NotNull(profile);
        Assert.Equal("Elena", profile.DisplayName);
        Assert.Equal([Roles.Expert], profile.Roles);
        Assert.Null(await Service().GetAsync(TestUsers.Anonymous));
    }

    [Fact]
    public async Task Saving_a_profile_tidies_the_name_stores_the_district_and_tells_open_circuits()
    {
        var userId = await TestUsers.CreateAsync(database, "Anna");
        var told = new TaskCompletionSource();
        using var _ = liveEvents.Subscribe<AccountChanged>(LiveTopics.User(userId), _ => { told.TrySetResult(); return Task.CompletedTask; });

        var result = await Service().UpdateAsync(TestUsers.Principal(userId), "  Анна   Петрова ", "south-western");

        Assert.Equal(ProfileUpdateStatus.Saved, result.Status);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Equal("Анна Петрова", user.DisplayName);
        Assert.Equal("АННА ПЕТРОВА", user.NormalizedDisplayName);
        Assert.Equal("south-western", user.District);
        await told.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("", "central", "DisplayName", "Validation.DisplayNameRequired")]
    [InlineData("A", "central", "DisplayName", "Validation.DisplayNameLength")]
    [InlineData("Anna\u0007", "central", "DisplayName", "Validation.DisplayNameCharacters")]
    [InlineData("Anna", "atlantis", "District", "Validation.DistrictUnknown")]
    public async Task Bad_input_is_refused_with_a_reason_and_changes_nothing(string name, string district, string field, string messageKey)
    {
        var userId = await TestUsers.CreateAsync(database, "Anna");

        var result = await Service().UpdateAsync(TestUsers.Principal(userId), name, district);

        Assert.Equal(ProfileUpdateStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((field, messageKey), (error.Field, error.MessageKey));
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Equal(("Anna", null), (user.DisplayName, user.District));
    }

    [Fact]
    public async Task A_name_longer_than_the_limit_is_refused()
    {
        var userId = await TestUsers.CreateAsync(database, "Anna");

        var result = await Service().UpdateAsync(TestUsers.Principal(userId), new string('x', AccountLimits.DisplayNameMaxLength + 1), null);

        Assert.Equal("Validation.DisplayNameLength", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task A_deleted_account_is_answered_as_gone()
    {
        var result = await Service().UpdateAsync(TestUsers.Principal("deleted-user"), "Anna", null);

        Assert.Equal(ProfileUpdateStatus.AccountGone, result.Status);
    }

    [Fact]
    public async Task The_theme_choice_is_remembered_on_the_account()
    {
        var userId = await TestUsers.CreateAsync(database, "Anna");

        await Service().SetThemeAsync(TestUsers.Principal(userId), ThemePreference.Dark);

        Assert.Equal(ThemePreference.Dark, (await Service().GetAsync(TestUsers.Principal(userId)))!.Theme);
    }

    public void Dispose() => database.Dispose();
}
