using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Infrastructure.Mail;

/// <summary>
/// A message accepted for sending and not yet delivered. Pages enqueue and answer at once; the outbox delivers with retries, so an
/// SMTP outage delays mail instead of failing the resident's request or losing the message.
/// </summary>
public sealed class QueuedMail
{
    public long Id { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>The complete MIME message as it will be sent.</summary>
    public byte[] Message { get; set; } = [];

    public DateTime EnqueuedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set when delivery was given up after <see cref="MailOutbox.MaxAttempts"/>; the row stays for an operator to see.</summary>
    public DateTime? GaveUpAt { get; set; }
}

public sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.ToTable("QueuedMail");
        builder.Property(mail => mail.Recipient).HasMaxLength(320).IsRequired();
        builder.Property(mail => mail.Subject).HasMaxLength(500).IsRequired();
        builder.Property(mail => mail.LastError).HasMaxLength(2000);
        builder.HasIndex(mail => new { mail.GaveUpAt, mail.NextAttemptAt });
    }
}
