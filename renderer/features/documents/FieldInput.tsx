import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../shared/documents/fields';

const dateInput = (testId: string) => <Input type="date" style={{ width: 200 }} data-testid={testId} />;

/** One field of a document's form, drawn from its spec in the shared field table. */
export function FieldInput({ def, disabled }: { def: FieldDef; disabled: boolean }) {
  const { t } = useTranslation('documents');
  const label = t(`fields.${def.name}`);
  const required = def.spec.required === true;
  const testId = `field-${def.name}`;
  switch (def.spec.kind) {
    case 'text':
      return (
        <Form.Item name={def.name} label={label} required={required}>
          <Input maxLength={def.spec.max} disabled={disabled} data-testid={testId} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={def.name} label={label} required={required} extra={t('hints.textarea')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} disabled={disabled} data-testid={testId} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={def.name} label={label} required={required}>
          {disabled ? <Input disabled style={{ width: 200 }} /> : dateInput(testId)}
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item name={def.name} label={label} required={required}>
          <Select
            style={{ width: 200 }}
            disabled={disabled}
            data-testid={testId}
            options={def.spec.options.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          />
        </Form.Item>
      );
    case 'list':
      return (
        <Form.Item name={def.name} label={label} required={required} extra={t('hints.list')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} disabled={disabled} data-testid={testId} />
        </Form.Item>
      );
    case 'table':
      return (
        <Form.Item label={label} required={required}>
          <Form.Item name={[def.name, 'columns']} extra={t('table.columns')} style={{ marginBottom: 8 }}>
            <Input disabled={disabled} data-testid={`${testId}-columns`} />
          </Form.Item>
          <Form.Item name={[def.name, 'rows']} extra={t('table.rows')} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} disabled={disabled} data-testid={`${testId}-rows`} />
          </Form.Item>
        </Form.Item>
      );
    case 'findings':
      return <FindingsInput name={def.name} label={label} disabled={disabled} />;
    case 'sections':
      return <SectionsInput name={def.name} label={label} disabled={disabled} />;
  }
}

function FindingsInput({ name, label, disabled }: { name: string; label: string; disabled: boolean }) {
  const { t } = useTranslation('documents');
  return (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {items.map((item, index) => (
              <Card
                key={item.key}
                size="small"
                title={`（${index + 1}）`}
                data-testid="finding-card"
                extra={
                  disabled ? null : (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('actions.remove')}
                    />
                  )
                }
              >
                <Form.Item name={[item.name, 'category']} label={t('finding.category')} required>
                  <Input disabled={disabled} />
                </Form.Item>
                <Form.Item name={[item.name, 'description']} label={t('finding.description')} required>
                  <Input.TextArea autoSize={{ minRows: 2 }} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[item.name, 'ruleBreached']} label={t('finding.ruleBreached')}>
                  <Input disabled={disabled} />
                </Form.Item>
                <Form.Item name={[item.name, 'requirement']} label={t('finding.requirement')} required>
                  <Input.TextArea autoSize={{ minRows: 1 }} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[item.name, 'deadline']} label={t('finding.deadline')} style={{ marginBottom: 0 }}>
                  <Input type="date" style={{ width: 200 }} disabled={disabled} />
                </Form.Item>
              </Card>
            ))}
            {disabled ? null : (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ category: '', description: '', ruleBreached: '', requirement: '', deadline: '' })}
              >
                {t('actions.addFinding')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

function SectionsInput({ name, label, disabled }: { name: string; label: string; disabled: boolean }) {
  const { t } = useTranslation('documents');
  return (
    <Form.Item label={label} required>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {items.map((item, index) => (
              <Card
                key={item.key}
                size="small"
                title={`${index + 1}.`}
                extra={
                  disabled ? null : (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('actions.remove')}
                    />
                  )
                }
              >
                <Form.Item name={[item.name, 'heading']} label={t('section.heading')} required>
                  <Input disabled={disabled} />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'text']}
                  label={t('section.text')}
                  required
                  extra={t('hints.textarea')}
                  style={{ marginBottom: 0 }}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} disabled={disabled} />
                </Form.Item>
              </Card>
            ))}
            {disabled ? null : (
              <Button icon={<PlusOutlined />} onClick={() => add({ heading: '', text: '' })}>
                {t('actions.addSection')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
