import { useCallback, useEffect, useState } from 'react'
import { App, Button, Card, Empty, Flex, Modal, Popconfirm, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '@shared/api/contract'
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, type AttachmentOwnerKind } from '@shared/domain/attachment'
import { call } from '../../api/client'
import { fileToBase64 } from '../../api/files'
import { showApiError } from '../../api/formErrors'
import { formatBytes, formatInstant } from '../../lib/format'
import { useCan } from '../auth/AuthContext'
import { download, imageUrl, openDocument } from './attachmentFiles'

const MAX_MB = ATTACHMENT_MAX_BYTES / 2 ** 20

/**
 * The files of an appeal or a meeting: dropped on the zone or chosen with its picker, opened
 * (an image in a preview, a PDF in the browser's viewer), downloaded and deleted. An appeal's
 * files are shown only to who sees personal data (the core refuses the rest anyway), and only
 * who edits the owner is offered the zone and the delete. `onChanged`: an add or a delete
 * (the owner's history has a new entry).
 */
export function AttachmentsCard({
  ownerKind,
  ownerId,
  onChanged,
}: {
  ownerKind: AttachmentOwnerKind
  ownerId: number
  onChanged?: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useCan()
  const visible = ownerKind === 'appeal' ? can('personalData.view') : can('records.read')
  const editable = can(ownerKind === 'appeal' ? 'appeals.write' : 'meetings.write')
  const [attachments, setAttachments] = useState<Attachment[]>([])
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<{ attachment: Attachment; url: string } | null>(null)

  const load = useCallback(() => {
    if (!visible) return
    call('attachments.list', { ownerKind, ownerId }).then(setAttachments, () => setAttachments([]))
  }, [ownerKind, ownerId, visible])
  useEffect(load, [load])

  const fail = (failure: unknown) => void message.error(showApiError(failure, t))

  const add = async (file: File) => {
    // the core refuses it too; here it is refused before megabytes travel
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('attachments.errors.tooLarge', { name: file.name, max: MAX_MB }))
      return
    }
    setBusy(true)
    try {
      const base64 = await fileToBase64(file)
      const added = await call('attachments.add', { ownerKind, ownerId, fileName: file.name, base64 })
      void message.success(t('attachments.added', { name: added.fileName }))
      load()
      onChanged?.()
    } catch (failure) {
      fail(failure)
    } finally {
      setBusy(false)
    }
  }

  const remove = async (attachment: Attachment) => {
    try {
      await call('attachments.delete', { id: attachment.id })
      void message.success(t('attachments.deleted', { name: attachment.fileName }))
      load()
      onChanged?.()
    } catch (failure) {
      fail(failure)
    }
  }

  const open = async (attachment: Attachment) => {
    try {
      if (attachment.mediaType === 'application/pdf') await openDocument(attachment)
      else setPreview({ attachment, url: await imageUrl(attachment) })
      onChanged?.()
    } catch (failure) {
      fail(failure)
    }
  }

  const closePreview = () => {
    if (preview?.url.startsWith('blob:')) URL.revokeObjectURL(preview.url)
    setPreview(null)
  }

  if (!visible) return null
  return (
    <Card size="small" title={t('attachments.title')} data-testid="attachments">
      <Flex vertical gap={12}>
        {editable && (
          <Upload.Dragger
            accept={ATTACHMENT_ACCEPT}
            multiple
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void add(file)
              return false
            }}
            data-testid="attachments-drop"
          >
            <Typography.Text>{t('attachments.drop')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('attachments.hint', { max: MAX_MB })}</Typography.Text>
          </Upload.Dragger>
        )}
        {attachments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
        ) : (
          attachments.map((attachment) => (
            <Flex key={attachment.id} gap={8} align="center" justify="space-between" data-testid="attachment">
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ flex: 'none', width: 32 }}>
                  {attachment.mediaType === 'application/pdf'
                    ? 'PDF'
                    : attachment.mediaType === 'image/png'
                      ? 'PNG'
                      : 'JPEG'}
                </Typography.Text>
                <div style={{ minWidth: 0 }}>
                  <Typography.Link onClick={() => void open(attachment)} ellipsis title={attachment.fileName}>
                    {attachment.fileName}
                  </Typography.Link>
                  <br />
                  <Typography.Text type="secondary">
                    {formatBytes(attachment.sizeBytes)} ·{' '}
                    {t('attachments.addedBy', { by: attachment.addedBy ?? '—', at: formatInstant(attachment.addedAt) })}
                  </Typography.Text>
                </div>
              </Flex>
              <Flex gap={4} style={{ flex: 'none' }}>
                <Button size="small" onClick={() => void download(attachment).then(onChanged, fail)}>
                  {t('attachments.download')}
                </Button>
                {editable && (
                  <Popconfirm
                    title={t('attachments.confirmDelete', { name: attachment.fileName })}
                    onConfirm={() => remove(attachment)}
                    okText={t('attachments.delete')}
                  >
                    <Button size="small" danger>
                      {t('attachments.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Flex>
          ))
        )}
      </Flex>
      <Modal
        open={preview !== null}
        title={preview?.attachment.fileName}
        footer={null}
        onCancel={closePreview}
        width={720}
        destroyOnHidden
      >
        {preview && (
          <img
            src={preview.url}
            alt={t('attachments.preview', { name: preview.attachment.fileName })}
            style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }}
            data-testid="attachment-preview"
          />
        )}
      </Modal>
    </Card>
  )
}
