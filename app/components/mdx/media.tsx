import type { ReactNode } from "react";

export function Frame({
  caption,
  hint,
  children,
}: {
  caption?: ReactNode;
  hint?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <figure className="fh-frame">
      {hint ? <p className="fh-frame__hint">{hint}</p> : null}
      <div className="fh-frame__media">{children}</div>
      {caption ? <figcaption className="fh-frame__caption">{caption}</figcaption> : null}
    </figure>
  );
}

const embeddable =
  /^https:\/\/(www\.)?(youtube\.com|youtube-nocookie\.com|player\.vimeo\.com|loom\.com)\//;

export function Video({
  src,
  title = "Video",
  poster,
  autoPlay,
  muted,
  loop,
}: {
  src?: string;
  title?: string;
  poster?: string;
  autoPlay?: boolean;
  muted?: boolean;
  loop?: boolean;
}) {
  if (!src) return null;
  if (embeddable.test(src)) {
    return (
      <div className="fh-video fh-video--embed">
        <iframe
          src={src}
          title={title}
          loading="lazy"
          allow="fullscreen; picture-in-picture"
          allowFullScreen
        />
      </div>
    );
  }
  return (
    <video
      className="fh-video"
      src={src}
      poster={poster}
      controls
      preload="metadata"
      autoPlay={autoPlay}
      muted={muted ?? autoPlay}
      loop={loop}
      playsInline
    >
      <a href={src}>Download the video</a>
    </video>
  );
}
