using ActiveCitizen.App.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using MudBlazor;

namespace ActiveCitizen.Tests.Infrastructure.Localization;

public sealed class MudBlazorTextsTests : ComponentTestContext
{
    public MudBlazorTextsTests() => Services.AddTransient<MudLocalizer, ResourceMudLocalizer>();

    [Fact]
    public void MudBlazors_own_labels_read_Russian_to_a_Russian_reader()
    {
        UseCulture("ru");

        var pager = Render<MudTable<string>>(parameters => parameters
            .Add(table => table.Items, ["a", "b"])
            .Add(table => table.PagerContent, (RenderFragment)(builder => { builder.OpenComponent<MudTablePager>(0); builder.CloseComponent(); })));

        var labels = pager.FindAll("button[aria-label]").Select(button => button.GetAttribute("aria-label")).ToList();
        Assert.Contains("Первая страница", labels);
        Assert.Contains("Следующая страница", labels);
    }
}
