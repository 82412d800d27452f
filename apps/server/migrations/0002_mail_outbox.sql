-- Mail waiting to be sent by the mail.send job. Bodies are cleared once sent, since
-- they can hold single-use links.
CREATE TABLE mail_outbox (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject    text NOT NULL,
  text_body  text,
  html_body  text,
  sent_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
