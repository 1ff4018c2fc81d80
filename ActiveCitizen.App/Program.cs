using ActiveCitizen.App.Components.Account;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Commission;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Features.Quizzes;
using ActiveCitizen.App.Features.Rewards;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructure();
builder.AddStats();
builder.AddAccounts();
builder.AddProjects();
builder.AddIdeas();
builder.AddDiscussions();
builder.AddNotifications();
builder.AddModeration();
builder.AddCommission();
builder.AddQuizzes();
builder.AddRewards();

var app = builder.Build();
app.UseInfrastructure();
app.MapInfrastructure();
app.MapAccountEndpoints();
app.MapCommissionEndpoints();
app.MapQuizEndpoints();

await app.Services.GetRequiredService<DatabaseStartup>().PrepareAsync();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
