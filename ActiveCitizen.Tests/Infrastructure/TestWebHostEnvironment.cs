using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>A host environment rooted in a folder of the test's own, for services that keep files under the content root.</summary>
public sealed class TestWebHostEnvironment(string root) : IWebHostEnvironment
{
    public string WebRootPath { get; set; } = root;
    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    public string ApplicationName { get; set; } = "ActiveCitizen.App";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    public string ContentRootPath { get; set; } = root;
    public string EnvironmentName { get; set; } = "Testing";
}
